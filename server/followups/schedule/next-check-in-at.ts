import { DateTime } from 'luxon';
import type { BusinessHours } from '../../../db/schema/queues';
import { assertInstant, assertZone } from './local-time';
import { nextOpening } from './next-opening';

/**
 * The next regular check-in (客户跟踪频率, customers.followUpFrequencyDays): `frequencyDays`
 * *calendar* days after the last contact in `timezone` — same local wall-clock time, so a 10:00 call
 * is followed up at 10:00 even across a daylight-saving change (that is 23 or 25 h, not 24 × n) —
 * then moved to the next opening.
 */
export function nextCheckInAt(
  lastContactAt: Date,
  frequencyDays: number,
  hours: BusinessHours | null,
  timezone: string,
): Date {
  assertInstant(lastContactAt, 'lastContactAt');
  assertZone(timezone);
  if (!Number.isInteger(frequencyDays) || frequencyDays < 1) {
    throw new RangeError(`frequencyDays must be a whole number ≥ 1, got ${frequencyDays}`);
  }
  const due = DateTime.fromJSDate(lastContactAt, { zone: timezone }).plus({ days: frequencyDays }).toJSDate();
  return nextOpening(due, hours, timezone);
}
