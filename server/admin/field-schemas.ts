import { z } from 'zod';

/** Shared request fields of the admin API (users, queues, customers). */

export const teamName = z.string().trim().min(1).max(100);

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'unknown time zone (use an IANA name such as Asia/Shanghai)' });

export const locale = z.enum(['en', 'zh-CN']);

const clock = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'time must be HH:MM');
const span = z
  .tuple([clock, clock])
  .refine(([open, close]) => open < close, { message: 'opening time must be before closing time' });
const weekday = z.enum(['1', '2', '3', '4', '5', '6', '7']);

/** Weekly opening hours by ISO weekday (1 = Monday) plus closed dates; see db/schema/queues.ts. */
export const businessHours = z.object({
  weekly: z.partialRecord(weekday, z.array(span).max(6)),
  holidays: z.array(z.iso.date()).max(366).default([]),
});
