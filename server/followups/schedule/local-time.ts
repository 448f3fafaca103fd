import { IANAZone } from 'luxon';

/** Bad configuration (an unknown zone, a malformed "HH:MM"): the caller's data is wrong, not the clock. */
export class ScheduleConfigError extends Error {
  override readonly name = 'ScheduleConfigError';
}

// luxon's isValidZone builds an Intl formatter per call (9–13 % of server CPU under load): remember the answer.
const validZones = new Set<string>();

export function assertZone(timezone: string): void {
  if (validZones.has(timezone)) return;
  if (!IANAZone.isValidZone(timezone)) throw new ScheduleConfigError(`unknown time zone ${JSON.stringify(timezone)}`);
  validZones.add(timezone);
}

export function assertInstant(at: Date, what: string): void {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new RangeError(`${what} is not a valid date`);
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "09:30" → minutes after local midnight; "24:00" (end of day) is accepted only where `allowEndOfDay`. */
export function parseClock(text: string, allowEndOfDay: boolean): number {
  if (allowEndOfDay && text === '24:00') return 24 * 60;
  const match = CLOCK.exec(text);
  if (!match) throw new ScheduleConfigError(`opening time must be "HH:MM", got ${JSON.stringify(text)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}
