import type { AppContext } from '../context';
import { jobId } from '../../workers/catalog';

/** The delayed job of one attempt of one follow-up (BullMQ forbids ':' in ids). */
export const followUpJobId = (followUpId: string, attempt: number) => jobId('followup', followUpId, `A${attempt}`);

// Finished timers are removed at once: a kept completed job would block re-adding the same id
// after a reschedule or a sweep. Failures are kept a while for inspection.
const TIMER_OPTIONS = { removeOnComplete: true, removeOnFail: { count: 1000, age: 24 * 3600 } } as const;

const LIVE = new Set(['delayed', 'waiting', 'prioritized', 'waiting-children']);

/**
 * Makes sure the timer of (follow-up, attempt) fires at `dueAt`: an existing timer for another time
 * is replaced; a missing or finished one is re-created. While that job is running (the handler
 * itself deferring), its id is taken, so a second id keyed by the due time is used; a duplicate
 * run is harmless, the offer is claimed with a guarded UPDATE.
 */
export async function ensureFollowUpTimer(ctx: AppContext, followUpId: string, attempt: number, dueAt: Date, opts: { fresh?: boolean } = {}): Promise<void> {
  const queue = ctx.jobs.queue('followups');
  const id = followUpJobId(followUpId, attempt);
  const dueMs = dueAt.getTime();
  const delay = Math.max(0, dueMs - Date.now());
  // A follow-up (or attempt) just written has no timer yet: skip the look-up round trips.
  const existing = opts.fresh ? undefined : await queue.getJob(id);
  let useId = id;
  if (existing) {
    const state = await existing.getState();
    if (LIVE.has(state) && existing.timestamp + (existing.delay ?? 0) === dueMs) return;
    if (state === 'active') useId = jobId(id, `at${dueMs}`);
    else await existing.remove().catch(() => (useId = jobId(id, `at${dueMs}`)));
  }
  // The due time itself (not "now + delay") is what the job must remember: timestamp + delay.
  await ctx.jobs.enqueue('followups.due', { followUpId, attempt }, { ...TIMER_OPTIONS, jobId: useId, delay, timestamp: dueMs - delay });
}

/** Drops the timer of an attempt (cancelled, rescheduled to another attempt, finished). */
export async function dropFollowUpTimer(ctx: AppContext, followUpId: string, attempt: number): Promise<void> {
  await ctx.jobs.remove('followups.due', followUpJobId(followUpId, attempt)).catch(() => {});
}

/** Whether the timer of (follow-up, attempt) is still waiting in Redis. */
export async function hasFollowUpTimer(ctx: AppContext, followUpId: string, attempt: number): Promise<boolean> {
  const state = await ctx.jobs.queue('followups').getJobState(followUpJobId(followUpId, attempt));
  return LIVE.has(state) || state === 'active';
}
