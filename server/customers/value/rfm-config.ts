import { z } from 'zod';
import { DEFAULT_SEGMENT_THRESHOLDS, DEFAULT_WINDOW_DAYS, type RfmBreakpoints, type SegmentThresholds } from './customer-value-types';

/** Cancelled, refunded and returned orders are not purchases: they count for nothing. */
export const DEFAULT_EXCLUDED_STATUSES = ['cancelled', 'refunded', 'returned'];
export const MAX_CURRENCY_RATES = 200;

/** How customer value is judged: the admin's settings (docs/customer-value.md). */
export interface RfmConfig {
  windowDays: number;
  thresholds: SegmentThresholds;
  excludedStatuses: string[];
  /** Value of one unit of each currency in the base currency (monetary scores compare like with like). */
  currencyRates: Record<string, number>;
}

// One validator per field, shared by the stored form (lenient, defaults filled) and the PUT body (strict).
const windowDays = z.number().int().min(1).max(3650);
const score = z.number().int().min(1).max(5);
const minOrdersForFrequent = z.number().int().min(1).max(1000);
const excludedStatuses = z.array(z.string().trim().min(1).max(50)).max(50);
export const currencyRatesSchema = z
  .record(z.string().regex(/^[A-Z]{3}$/), z.number().positive().max(1e9), {
    error: (issue) => (issue.code === 'invalid_key' ? 'not a 3-letter ISO 4217 code such as USD' : undefined),
  })
  .refine((rates) => Object.keys(rates).length <= MAX_CURRENCY_RATES, { message: `at most ${MAX_CURRENCY_RATES} currencies` });

/** The stored setting: anything left out takes its default. */
export const rfmConfigSchema = z.object({
  windowDays: windowDays.default(DEFAULT_WINDOW_DAYS),
  thresholds: z
    .object({
      frequentScore: score.default(DEFAULT_SEGMENT_THRESHOLDS.frequentScore),
      highValueScore: score.default(DEFAULT_SEGMENT_THRESHOLDS.highValueScore),
      minOrdersForFrequent: minOrdersForFrequent.default(DEFAULT_SEGMENT_THRESHOLDS.minOrdersForFrequent),
    })
    .prefault({}),
  excludedStatuses: excludedStatuses.default(DEFAULT_EXCLUDED_STATUSES),
  currencyRates: currencyRatesSchema.default({}),
});

/**
 * PUT /api/settings/customer-value: the whole configuration. Strict, so a misspelt key is an error
 * rather than a setting silently left at its default. `currencyRates` left out means none.
 */
export const rfmConfigInput = z
  .object({
    windowDays,
    thresholds: z.object({ frequentScore: score, highValueScore: score, minOrdersForFrequent }).strict(),
    excludedStatuses: excludedStatuses.refine((list) => new Set(list).size === list.length, { message: 'each status once' }),
    currencyRates: currencyRatesSchema.optional(),
  })
  .strict();

const cuts = z.tuple([z.number().nullable(), z.number().nullable(), z.number().nullable(), z.number().nullable()]);

/** The cuts of the last full run, and the settings it ran under (absent in runs stored before they were kept). */
export const storedBreakpointsSchema = z.object({
  windowDays: z.number().positive(),
  population: z.number().int().min(0),
  recencyAgeSeconds: cuts,
  frequency: cuts,
  monetary: cuts,
  perOrder: cuts,
  perOrderBasis: z.enum(['margin', 'value']),
  computedAt: z.string(),
  config: rfmConfigSchema.optional(),
});

export interface StoredBreakpoints extends RfmBreakpoints {
  /** When the full run that computed them started. */
  computedAt: string;
  /** The settings the run scored under: per-order rescores and the page's reasons use the same ones. */
  config?: RfmConfig;
}

/** The settings scores are judged by until the next full run: that run's, else those saved. */
export const scoringConfig = (breakpoints: StoredBreakpoints | null, saved: RfmConfig): RfmConfig => breakpoints?.config ?? saved;
