import { z } from 'zod';
import type postgres from 'postgres';
import { DEFAULT_SEGMENT_THRESHOLDS, DEFAULT_WINDOW_DAYS, type RfmBreakpoints, type SegmentThresholds } from './customer-value-types';

/** settings keys: the admin's tunables, and the cuts of the last full run (read by every per-order rescore). */
export const RFM_CONFIG_KEY = 'rfm-config';
export const RFM_BREAKPOINTS_KEY = 'rfm-breakpoints';

/** Cancelled, refunded and returned orders are not purchases: they count for nothing. */
export const DEFAULT_EXCLUDED_STATUSES = ['cancelled', 'refunded', 'returned'];

export interface RfmConfig {
  windowDays: number;
  thresholds: SegmentThresholds;
  excludedStatuses: string[];
  /** Value of one unit of each currency in the base currency (monetary scores compare like with like). */
  currencyRates: Record<string, number>;
}

export const MAX_CURRENCY_RATES = 200;
export const currencyRatesSchema = z
  .record(z.string().regex(/^[A-Z]{3}$/, 'a 3-letter ISO 4217 code such as USD'), z.number().positive().max(1e9))
  .refine((rates) => Object.keys(rates).length <= MAX_CURRENCY_RATES, { message: `at most ${MAX_CURRENCY_RATES} currencies` });

const score = z.number().int().min(1).max(5);
export const rfmConfigSchema = z.object({
  windowDays: z.number().int().min(1).max(3650).default(DEFAULT_WINDOW_DAYS),
  thresholds: z
    .object({
      frequentScore: score.default(DEFAULT_SEGMENT_THRESHOLDS.frequentScore),
      highValueScore: score.default(DEFAULT_SEGMENT_THRESHOLDS.highValueScore),
      minOrdersForFrequent: z.number().int().min(1).max(1000).default(DEFAULT_SEGMENT_THRESHOLDS.minOrdersForFrequent),
    })
    .prefault({}),
  excludedStatuses: z.array(z.string().min(1).max(50)).max(50).default(DEFAULT_EXCLUDED_STATUSES),
  currencyRates: currencyRatesSchema.default({}),
});

const cuts = z.tuple([z.number().nullable(), z.number().nullable(), z.number().nullable(), z.number().nullable()]);
const breakpointsSchema = z.object({
  windowDays: z.number().positive(),
  population: z.number().int().min(0),
  recencyAgeSeconds: cuts,
  frequency: cuts,
  monetary: cuts,
  perOrder: cuts,
  perOrderBasis: z.enum(['margin', 'value']),
});

export interface StoredBreakpoints extends RfmBreakpoints {
  /** When the full run that computed them started. */
  computedAt: string;
}

/** The stored config, defaults filled in; an unreadable value falls back to the defaults. */
export async function readRfmConfig(sql: postgres.Sql): Promise<RfmConfig> {
  const [row] = await sql<{ value: unknown }[]>`select value from settings where key = ${RFM_CONFIG_KEY}`;
  const parsed = rfmConfigSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : rfmConfigSchema.parse({});
}

export async function readBreakpoints(sql: postgres.Sql): Promise<StoredBreakpoints | null> {
  const [row] = await sql<{ value: unknown }[]>`select value from settings where key = ${RFM_BREAKPOINTS_KEY}`;
  const parsed = breakpointsSchema.extend({ computedAt: z.string() }).safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

async function writeSetting(sql: postgres.Sql, key: string, value: unknown): Promise<void> {
  await sql`
    insert into settings (key, value, updated_at) values (${key}, ${sql.json(value as postgres.JSONValue)}, now())
    on conflict (key) do update set value = excluded.value, updated_at = now()`;
}

export const writeBreakpoints = (sql: postgres.Sql, breakpoints: StoredBreakpoints) => writeSetting(sql, RFM_BREAKPOINTS_KEY, breakpoints);
export const writeRfmConfig = (sql: postgres.Sql, config: z.input<typeof rfmConfigSchema>) => writeSetting(sql, RFM_CONFIG_KEY, rfmConfigSchema.parse(config));
