import { DateTime, IANAZone } from 'luxon';

export function assertZone(timezone: string): void {
  if (!IANAZone.isValidZone(timezone)) throw new RangeError(`unknown time zone ${JSON.stringify(timezone)}`);
}

/**
 * The instant the queue's local day containing `now` began: the wallboard's "today" resets at the
 * queue's midnight, not UTC's (Asia/Shanghai resets at 16:00Z). Where a zone skips midnight for
 * daylight saving, the day starts at the first local time that exists.
 */
export function startOfLocalDay(now: Date, timezone: string): Date {
  assertZone(timezone);
  return DateTime.fromJSDate(now, { zone: timezone }).startOf('day').toJSDate();
}

/** The instant the following local day begins (23, 24 or 25 hours after startOfLocalDay). */
export function startOfNextLocalDay(now: Date, timezone: string): Date {
  assertZone(timezone);
  return DateTime.fromJSDate(now, { zone: timezone }).startOf('day').plus({ days: 1 }).toJSDate();
}
