import { z } from 'zod';

// numeric(18, 4): 14 integer digits, 4 decimals. More decimals would be rounded silently by
// PostgreSQL, so they are refused instead; the value stays a decimal string end to end.
const DECIMAL = /^-?\d{1,14}(?:\.\d{1,4})?$/;

/** An amount of money as a JSON number or a decimal string → a decimal string for a numeric column. */
export const money = z.union([z.number(), z.string().trim()]).transform((value, ctx) => {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (!DECIMAL.test(text)) {
    ctx.addIssue({ code: 'custom', message: 'must be a decimal amount with at most 14 digits before and 4 after the point', input: value });
    return z.NEVER;
  }
  return text;
});

export const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 code such as USD or CNY');
