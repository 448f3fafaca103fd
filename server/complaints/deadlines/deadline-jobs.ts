import type { JobsOptions } from 'bullmq';
import type { Complaint, EscalationLevel } from '../../../db/schema';
import type { AppContext } from '../../context';
import { jobCatalog } from '../../../workers/catalog';
import { deadlineJobId, deadlineTimers, TIMER_KINDS, type TimerKind } from '../policy/deadline-timers';
import { levelFor } from '../policy/level-for';

// Finished timers leave at once: a kept completed or failed job would block re-adding its id after
// a reopen (same level, same kind) or a sweep. Failures are logged by the worker; the sweep re-creates.
const TIMER_OPTIONS: JobsOptions = { removeOnComplete: true, removeOnFail: true, attempts: 5, backoff: { type: 'exponential', delay: 500 } };

export interface TimedRow {
  complaint: Pick<Complaint, 'id' | 'level' | 'status' | 'respondBy' | 'resolveBy' | 'acknowledgedAt' | 'warnedAt'>;
  levels: readonly EscalationLevel[];
}

type BulkJob = { name: 'complaints.deadline'; data: { complaintId: string; level: number; kind: TimerKind }; opts: JobsOptions };

/** The delayed jobs a complaint needs now. `timestamp + delay` is the deadline itself, so lateness is measurable. */
export function deadlineJobsFor({ complaint, levels }: TimedRow, nowMs = Date.now()): BulkJob[] {
  const level = levelFor(levels, complaint.level);
  if (!level) return [];
  return deadlineTimers(complaint, level).map((timer) => {
    const delay = Math.max(0, timer.at.getTime() - nowMs);
    const data = jobCatalog['complaints.deadline'].data.parse({ complaintId: complaint.id, level: complaint.level, kind: timer.kind });
    return { name: 'complaints.deadline', data, opts: { ...TIMER_OPTIONS, jobId: deadlineJobId(complaint.id, complaint.level, timer.kind), delay, timestamp: timer.at.getTime() - delay } };
  });
}

/** Adds the timers of many complaints; a timer whose id already waits in Redis is left as it is. */
export async function scheduleDeadlineJobs(ctx: AppContext, rows: readonly TimedRow[]): Promise<number> {
  const jobs = rows.flatMap((row) => deadlineJobsFor(row));
  const queue = ctx.jobs.queue('complaints');
  for (let i = 0; i < jobs.length; i += 500) await queue.addBulk(jobs.slice(i, i + 500));
  return jobs.length;
}

/**
 * Drops timers of a complaint at a level (met or replaced deadlines). Best effort: a timer that
 * cannot be removed (running right now) finds its deadline met and does nothing.
 */
export async function dropDeadlineJobs(ctx: AppContext, complaintId: string, level: number, kinds: readonly TimerKind[] = TIMER_KINDS): Promise<void> {
  const queue = ctx.jobs.queue('complaints');
  await Promise.all(kinds.map((kind) => queue.remove(deadlineJobId(complaintId, level, kind)).catch(() => 0)));
}

/** After a change: drop what no longer applies at `level`, add what does. Errors are logged, never thrown — the sweep repairs. */
export async function resetDeadlineJobs(ctx: AppContext, row: TimedRow, drop: { level: number; kinds?: readonly TimerKind[] } | null): Promise<void> {
  try {
    if (drop) await dropDeadlineJobs(ctx, row.complaint.id, drop.level, drop.kinds);
    await scheduleDeadlineJobs(ctx, [row]);
  } catch (err) {
    ctx.logger.warn({ err, complaintId: row.complaint.id }, 'complaint timers not updated; the sweep will repair them');
  }
}
