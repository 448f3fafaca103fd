import type { BusinessHours } from '../../../db/schema/queues';
import { isOpen } from './is-open';
import { nextOpening } from './next-opening';

/** A timer may fire a few ms after due: a follow-up due at 17:59:59.990 still goes out at 18:00:00.004. */
export const FIRING_TOLERANCE_MS = 5_000;

/**
 * When a follow-up that fell due may be offered, given `now`: `now` while the hours are open (or
 * were open at its due time a moment ago), else their next opening — a follow-up that fell due
 * overnight while the system was down is not offered to an empty floor at 03:00.
 */
export function offerAt(dueAt: Date, now: Date, hours: BusinessHours | null, timezone: string): Date {
  if (isOpen(now, hours, timezone)) return now;
  if (now.getTime() - dueAt.getTime() <= FIRING_TOLERANCE_MS && isOpen(dueAt, hours, timezone)) return now;
  return nextOpening(now, hours, timezone);
}
