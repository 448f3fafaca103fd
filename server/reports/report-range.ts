import { DateTime } from 'luxon';
import { z } from 'zod';
import { isTimeZone } from '../admin/field-schemas';

const DAY_MS = 86_400_000;
// Ten years of days is 3,650 rows: the charts stay readable and every query stays bounded.
const MAX_RANGE_DAYS = 3660;
const DEFAULT_RANGE_DAYS = 30;

export interface ReportRange {
  from: Date;
  /** Exclusive. */
  to: Date;
  /** Days and months are cut in this zone. */
  tz: string;
}

const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
/** A date means its midnight in the report's zone; a date-time is the instant it names. */
const resolve = (text: string, tz: string, addDays = 0) =>
  text.length === 10 ? DateTime.fromISO(text, { zone: tz }).plus({ days: addDays }).toJSDate() : new Date(text);

export const reportQuery = z
  .object({
    from: instant.optional(),
    /** A date is inclusive (`to=2025-06-30` covers that day); a date-time is exclusive. */
    to: instant.optional(),
    tz: z.string().max(64).refine(isTimeZone, 'unknown time zone').default('UTC'),
  })
  .transform((q, ctx): ReportRange => {
    const to = q.to ? resolve(q.to, q.tz, 1) : DateTime.now().setZone(q.tz).startOf('day').plus({ days: 1 }).toJSDate();
    const from = q.from ? resolve(q.from, q.tz) : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
    if (from >= to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must be before to' });
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_RANGE_DAYS} days` });
    return { from, to, tz: q.tz };
  });
