import type { AppContext } from '../context';
import type { JobData } from '../../workers/catalog';
import { aggregateOne, purchaseFilter, writeValues } from './recompute-value-store';
import { readBreakpoints, readRfmConfig } from './rfm-settings-store';
import { scoringConfig } from './value/rfm-config';
import { scoreOne } from './value/score-one';
import { valueWindowStart } from './value/value-window';
import type { CustomerValue } from './value/customer-value-types';

export const BOOTSTRAP_JOB_ID = 'value-bootstrap';

/**
 * One customer's scores and segment after an order changed: their orders in the window, scored
 * against the cuts of the last full run. With no full run yet there are no cuts to score against,
 * so the nightly run is queued once instead (it scores this customer too).
 */
export async function recomputeCustomerValue(ctx: AppContext, customerId: string, now = new Date()): Promise<CustomerValue | null> {
  const [saved, breakpoints] = await Promise.all([readRfmConfig(ctx.database.sql), readBreakpoints(ctx.database.sql)]);
  if (!breakpoints) {
    await ctx.jobs.enqueue('customers.nightly-value', {}, { jobId: BOOTSTRAP_JOB_ID, removeOnComplete: true, removeOnFail: true });
    return null;
  }
  // The cuts' own settings: settings saved since the last full run take effect when the next one
  // finishes (a save queues one), or an order would be judged by rules the cuts were not made with.
  const config = scoringConfig(breakpoints, saved);
  const windowStart = valueWindowStart(now, breakpoints.windowDays);
  const aggregate = await aggregateOne(ctx.database.sql, customerId, purchaseFilter(config, windowStart));
  const value = scoreOne(aggregate, breakpoints, now, config.thresholds);
  await writeValues(ctx.database.sql, [value], now);
  return value;
}

export const recomputeCustomerValueJob = (ctx: AppContext, data: JobData<'customers.recompute-value'>) =>
  recomputeCustomerValue(ctx, data.customerId).then(() => undefined);
