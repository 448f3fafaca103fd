import type { AppContext } from '../../context';
import { sweepDeadlines } from './sweep-deadlines';

export const SWEEP_SCHEDULER_ID = 'complaints-sweep';
// Every 30 s: an overdue complaint whose timer Redis lost escalates at most this late.
const SWEEP_EVERY_MS = 30_000;

export interface ComplaintDeadlinesService {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Boot: sweep once (escalate whatever passed its deadline while nothing ran, re-create every timer)
 * and make sure the periodic sweep is scheduled — one scheduler per deployment, whichever process
 * upserts it. The boot sweep runs in the background so a backlog does not hold up listening;
 * stop() waits for it.
 */
export function complaintDeadlinesService(ctx: AppContext): ComplaintDeadlinesService {
  let running: Promise<void> | null = null;
  return {
    async start() {
      running = (async () => {
        try {
          const result = await sweepDeadlines(ctx, { horizonMs: null });
          ctx.logger.info(result, 'complaint boot sweep done');
        } catch (err) {
          ctx.logger.error({ err }, 'complaint boot sweep failed; the periodic sweep will retry');
        }
        try {
          await ctx.jobs
            .queue('complaints')
            .upsertJobScheduler(SWEEP_SCHEDULER_ID, { every: SWEEP_EVERY_MS }, { name: 'complaints.sweep', data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } });
        } catch (err) {
          ctx.logger.error({ err }, 'could not schedule the complaint sweep');
        }
      })();
    },
    async stop() {
      await running;
    },
  };
}
