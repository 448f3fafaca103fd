import type { BusinessHours } from '../../../db/schema/queues';
import { assertInstant } from './local-time';
import { nextOpening } from './next-opening';

/**
 * When the next attempt of a follow-up is due: `retryAfterSeconds` of elapsed time after the last
 * attempt (a real interval, unaffected by daylight saving), then moved to the next opening.
 */
export function retryDueAt(
  lastAttemptAt: Date,
  retryAfterSeconds: number,
  hours: BusinessHours | null,
  timezone: string,
): Date {
  assertInstant(lastAttemptAt, 'lastAttemptAt');
  if (!Number.isFinite(retryAfterSeconds) || retryAfterSeconds <= 0) {
    throw new RangeError(`retryAfterSeconds must be positive, got ${retryAfterSeconds}`);
  }
  return nextOpening(new Date(lastAttemptAt.getTime() + retryAfterSeconds * 1000), hours, timezone);
}
