import { DateTime } from 'luxon';
import type { BusinessHours } from '../../../db/schema/queues';
import { parseClock, ScheduleConfigError } from './local-time';

type IsoWeekday = keyof BusinessHours['weekly'];

export interface OpeningInterval {
  opensAt: Date;
  closesAt: Date;
}

/** A local day's opening, as minutes after its midnight; an overnight shift closes the next day. */
interface DayWindow {
  open: number;
  close: number;
}

function dayWindows(hours: BusinessHours, weekday: number): DayWindow[] {
  const pairs = hours.weekly[String(weekday) as IsoWeekday] ?? [];
  return pairs
    .map(([openText, closeText]) => {
      const open = parseClock(openText, false);
      const close = parseClock(closeText, true);
      if (close === open) throw new ScheduleConfigError(`opening ${openText}–${closeText} is empty`);
      // close before open = an overnight shift (22:00–06:00) ending on the following local day.
      return { open, close: close < open ? close + 24 * 60 : close };
    })
    .sort((a, b) => a.open - b.open);
}

/**
 * Wall-clock minutes → instant in the zone. Built with `plus` from local midnight rather than
 * `set({hour})` so that "24:00" is the next midnight; a time that does not exist (02:30 on a
 * spring-forward night) comes out luxon's way, moved forward by the gap (03:30).
 */
function localInstant(midnight: DateTime, minutes: number): Date {
  const days = Math.floor(minutes / (24 * 60));
  const inDay = minutes - days * 24 * 60;
  return midnight
    .plus({ days })
    .set({ hour: Math.floor(inDay / 60), minute: inDay % 60, second: 0, millisecond: 0 })
    .toJSDate();
}

/**
 * Opening intervals in chronological order of opening, starting with those that opened the local day
 * before `from` (an overnight shift may still be running). A holiday closes the intervals that *open*
 * on that local date; a shift that opened the evening before runs to its end.
 * Bounded: a week without holidays holds every weekday, and each holiday can cost at most the week
 * until that weekday comes round again, so 7 × (holidays + 1) + 2 days always suffice; an interval
 * not found by then never will be (no weekly hours, or every date of them a holiday).
 */
export function* openingIntervals(from: Date, hours: BusinessHours, timezone: string): Generator<OpeningInterval> {
  const holidays = new Set(hours.holidays);
  const firstDay = DateTime.fromJSDate(from, { zone: timezone }).startOf('day').minus({ days: 1 });
  const lastOffset = 7 * (holidays.size + 1) + 2;
  for (let offset = 0; offset <= lastOffset; offset += 1) {
    const midnight = firstDay.plus({ days: offset }).startOf('day');
    if (holidays.has(midnight.toISODate() ?? '')) continue;
    for (const window of dayWindows(hours, midnight.weekday)) {
      yield { opensAt: localInstant(midnight, window.open), closesAt: localInstant(midnight, window.close) };
    }
  }
}
