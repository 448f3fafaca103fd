import type { BusinessHours } from '../../../db/schema/queues';
import { nextCheckInAt } from './next-check-in-at';
import { nextOpening } from './next-opening';

/**
 * The next regular check-in when the customer and the queue live in different zones: the calendar
 * days are counted in the customer's zone (a 10:00 call is followed up at the customer's 10:00),
 * the opening hours are the queue's own, in the queue's zone.
 */
export function checkInDueAt(
  lastContactAt: Date,
  frequencyDays: number,
  customerTimezone: string | null,
  hours: BusinessHours | null,
  queueTimezone: string,
): Date {
  const due = nextCheckInAt(lastContactAt, frequencyDays, null, customerTimezone ?? queueTimezone);
  return nextOpening(due, hours, queueTimezone);
}
