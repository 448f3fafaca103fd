import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { settings } from '../../db/schema';
import type { Principal } from '../auth/principal';
import type { AppContext } from '../context';
import { recordAudit } from '../audit/record-audit';
import { currencyRatesSchema, readBreakpoints, readRfmConfig, RFM_CONFIG_KEY, rfmConfigSchema, type RfmConfig } from './value/rfm-settings';

/**
 * PUT /api/settings/customer-value: the whole configuration. Strict, so a misspelt key is an error
 * rather than a setting silently left at its default.
 */
export const customerValueInput = z
  .object({
    windowDays: z.number().int().min(1).max(3650),
    thresholds: z
      .object({
        frequentScore: z.number().int().min(1).max(5),
        highValueScore: z.number().int().min(1).max(5),
        minOrdersForFrequent: z.number().int().min(1).max(1000),
      })
      .strict(),
    excludedStatuses: z
      .array(z.string().trim().min(1).max(50))
      .max(50)
      .refine((list) => new Set(list).size === list.length, { message: 'each status once' }),
    /** Optional: left out, every currency counts at face value. */
    currencyRates: currencyRatesSchema.optional(),
  })
  .strict();

export interface CustomerValueSettings {
  config: RfmConfig;
  /** The last full run: when it started, how many customers had orders in its window, and what "per order" was judged on. */
  lastRun: { computedAt: string; population: number; windowDays: number; perOrderBasis: 'margin' | 'value' } | null;
}

export async function getCustomerValueSettings(ctx: AppContext): Promise<CustomerValueSettings> {
  const [config, breakpoints] = await Promise.all([readRfmConfig(ctx.database.sql), readBreakpoints(ctx.database.sql)]);
  const lastRun = breakpoints && {
    computedAt: breakpoints.computedAt,
    population: breakpoints.population,
    windowDays: breakpoints.windowDays,
    perOrderBasis: breakpoints.perOrderBasis,
  };
  return { config, lastRun };
}

/**
 * Stores the configuration (audited in the same transaction), then queues a full recompute so every
 * customer is rescored under it now rather than at the next nightly run. A unique job id: a run
 * already under way read the old configuration, so it must not swallow this one.
 */
export async function setCustomerValueSettings(ctx: AppContext, actor: Principal, input: z.infer<typeof customerValueInput>): Promise<{ config: RfmConfig; recomputeQueued: boolean }> {
  const config = rfmConfigSchema.parse(input);
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: RFM_CONFIG_KEY, value: config })
      .onConflictDoUpdate({ target: settings.key, set: { value: config, updatedAt: sql`now()` } });
    await recordAudit(tx, actor, { action: 'settings.customer-value', entity: 'settings', entityId: RFM_CONFIG_KEY, data: { ...config } });
  });
  try {
    await ctx.jobs.enqueue('customers.nightly-value', {}, { jobId: `value-settings-${randomUUID()}`, removeOnComplete: true, removeOnFail: 100, attempts: 3 });
    return { config, recomputeQueued: true };
  } catch (err) {
    // Saved all the same: the nightly run applies it. The answer says so instead of failing the save.
    ctx.logger.warn({ err, event: 'customers.value-settings.enqueue-failed' }, 'could not queue the customer value recompute');
    return { config, recomputeQueued: false };
  }
}
