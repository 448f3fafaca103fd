import { z } from 'zod';
import { describePhoneFailure, normalisePhone } from './normalise-phone';

/**
 * A zod field that reads any written phone number and yields E.164; an unreadable one is an issue
 * at the field's own path (`phones.1`), so the 400 names exactly which entry was wrong.
 */
export function phoneField(defaultRegion: string) {
  return z.string().transform((input, ctx) => {
    const result = normalisePhone(input, defaultRegion);
    if (result.ok) return result.e164;
    ctx.addIssue({ code: 'custom', message: `${describePhoneFailure(result.reason)}: ${JSON.stringify(input.slice(0, 64))}`, input });
    return z.NEVER;
  });
}

/** A list of phone numbers, normalised, duplicates (in any format) collapsed in first-seen order. */
export function phoneListField(defaultRegion: string, max = 20) {
  return z
    .array(phoneField(defaultRegion))
    .max(max)
    .transform((numbers) => [...new Set(numbers)]);
}
