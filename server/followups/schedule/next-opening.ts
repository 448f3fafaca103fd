import type { BusinessHours } from '../../../db/schema/queues';
import { assertInstant, assertZone, ScheduleConfigError } from './local-time';
import { openingIntervals } from './opening-intervals';

/**
 * `at` itself when the hours are open at that instant, else the instant they next open.
 * `hours` null = always open. Opening is inclusive, closing exclusive: 18:00 with [09:00, 18:00] is
 * closed and moves to the next opening. Weekly hours are local wall-clock times in `timezone`, so a
 * queue open 09:00–18:00 in America/New_York opens at 14:00Z in winter and 13:00Z in summer.
 * Throws ScheduleConfigError for an unknown zone, a malformed time, or hours that never open.
 */
export function nextOpening(at: Date, hours: BusinessHours | null, timezone: string): Date {
  assertInstant(at, 'at');
  assertZone(timezone);
  if (hours === null) return at;
  const t = at.getTime();
  // Intervals come in order of opening, so the first that has not closed yet holds the answer.
  for (const { opensAt, closesAt } of openingIntervals(at, hours, timezone)) {
    if (closesAt.getTime() <= t) continue;
    return opensAt.getTime() <= t ? at : opensAt;
  }
  throw new ScheduleConfigError('business hours are never open');
}
