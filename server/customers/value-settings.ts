import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { settings } from '../../db/schema';
import type { Principal } from '../auth/principal';
import type { AppContext } from '../context';
import { recordAudit } from '../audit/record-audit';
import { readBreakpoints, readRfmConfig, RFM_CONFIG_KEY } from './rfm-settings-store';
import { rfmConfigSchema, type rfmConfigInput, type RfmConfig } from './value/rfm-config';

export interface CustomerValueSettings {
  config: RfmConfig;
  /** The last full run: when it started, how many customers had orders in its window, what "per order" was judged on, and its settings. */
  lastRun: { computedAt: string; population: number; windowDays: number; perOrderBasis: 'margin' | 'value'; config: RfmConfig | null } | null;
}

export async function getCustomerValueSettings(ctx: AppContext): Promise<CustomerValueSettings> {
  const [config, breakpoints] = await Promise.all([readRfmConfig(ctx.database.sql), readBreakpoints(ctx.database.sql)]);
  const lastRun = breakpoints && {
    computedAt: breakpoints.computedAt,
    population: breakpoints.population,
    windowDays: breakpoints.windowDays,
    perOrderBasis: breakpoints.perOrderBasis,
    config: breakpoints.config ?? null,
  };
  return { config, lastRun };
}

/**
 * Stores the configuration (audited in the same transaction), then queues a full recompute so every
 * customer is rescored under it now rather than at the next nightly run. A unique job id: a run
 * already under way read the old configuration, so it must not swallow this one.
 */
export async function setCustomerValueSettings(ctx: AppContext, actor: Principal, input: z.infer<typeof rfmConfigInput>): Promise<{ config: RfmConfig; recomputeQueued: boolean }> {
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
