import type { AppContext } from '../context';

export const NIGHTLY_VALUE_SCHEDULER_ID = 'customers-nightly-value';
// 03:00 UTC: after most of the day's orders, before the morning shift in Asia and Europe.
export const NIGHTLY_VALUE_CRON = '0 3 * * *';

/**
 * Registers the nightly full recompute as a BullMQ job scheduler (idempotent: every process
 * upserts the same id, Redis holds one). Never throws: a Redis that is down at boot only costs
 * the schedule until the next boot, and per-order recomputes still run.
 */
export async function scheduleNightlyValue(ctx: AppContext): Promise<void> {
  try {
    await ctx.jobs
      .queue('customers')
      .upsertJobScheduler(
        NIGHTLY_VALUE_SCHEDULER_ID,
        { pattern: NIGHTLY_VALUE_CRON, tz: 'UTC' },
        { name: 'customers.nightly-value', data: {}, opts: { removeOnComplete: true, removeOnFail: 100, attempts: 3 } },
      );
  } catch (err) {
    ctx.logger.error({ err }, 'could not schedule the nightly customer value run');
  }
}
