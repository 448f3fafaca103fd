import { DateTime, IANAZone } from 'luxon';
import { LRUCache } from 'lru-cache';

// luxon's isValidZone builds an Intl formatter per call (9–13 % of server CPU under load): remember the answer.
const validZones = new Set<string>();

export function assertZone(timezone: string): void {
  if (validZones.has(timezone)) return;
  if (!IANAZone.isValidZone(timezone)) throw new RangeError(`unknown time zone ${JSON.stringify(timezone)}`);
  validZones.add(timezone);
}

interface LocalDay {
  start: number;
  next: number;
}

// Every call event asks for its queue's day (luxon's zone offsets were ~5 % of server CPU under
// load); the answer only changes at local midnight, so the last day seen per zone is kept. Still
// a pure function of (now, timezone): a `now` outside the remembered day is computed afresh.
const lastDay = new LRUCache<string, LocalDay>({ max: 1000 });

function localDay(now: Date, timezone: string): LocalDay {
  const t = now.getTime();
  const known = lastDay.get(timezone);
  if (known && t >= known.start && t < known.next) return known;
  assertZone(timezone);
  const start = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  const day = { start: start.toMillis(), next: start.plus({ days: 1 }).toMillis() };
  lastDay.set(timezone, day);
  return day;
}

/**
 * The instant the queue's local day containing `now` began: the wallboard's "today" resets at the
 * queue's midnight, not UTC's (Asia/Shanghai resets at 16:00Z). Where a zone skips midnight for
 * daylight saving, the day starts at the first local time that exists.
 */
export function startOfLocalDay(now: Date, timezone: string): Date {
  return new Date(localDay(now, timezone).start);
}

/** The instant the following local day begins (23, 24 or 25 hours after startOfLocalDay). */
export function startOfNextLocalDay(now: Date, timezone: string): Date {
  return new Date(localDay(now, timezone).next);
}
