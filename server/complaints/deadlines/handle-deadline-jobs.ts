import { setTimeout as sleep } from 'node:timers/promises';
import type { JobHandler } from '../../../workers/runtime';
import { escalateComplaint } from './escalate-complaint';
import { sweepDeadlines } from './sweep-deadlines';
import { warnComplaint } from './warn-complaint';

// A timer can fire a hair early (clock steps, Redis time vs ours): wait for the deadline if it is this close.
const EARLY_TOLERANCE_MS = 2000;

/** `complaints.deadline`: a deadline (or its warning) of one complaint at one level. */
export const handleComplaintDeadline: JobHandler<'complaints.deadline'> = async (ctx, { complaintId, level, kind }) => {
  if (kind === 'warn-respond' || kind === 'warn-resolve') {
    await warnComplaint(ctx, complaintId, level, kind === 'warn-respond' ? 'respond' : 'resolve');
    return;
  }
  const first = await escalateComplaint(ctx, complaintId, level);
  if (first.outcome !== 'not-due') return;
  const wait = first.dueAt.getTime() - Date.now();
  if (wait > EARLY_TOLERANCE_MS) return; // the timer of the real deadline is another job (or the sweep's)
  await sleep(Math.max(0, wait) + 5);
  await escalateComplaint(ctx, complaintId, level);
};

/**
 * `complaints.sweep`, every 30 s: the safety net for timers Redis lost. Timers are re-created only
 * for the next 10 minutes (cheap); the boot sweep re-creates all of them.
 */
export const handleComplaintSweep: JobHandler<'complaints.sweep'> = async (ctx) => {
  const result = await sweepDeadlines(ctx, { horizonMs: 10 * 60_000 });
  if (result.escalated || result.flagged) ctx.logger.info(result, 'complaint sweep escalated overdue complaints');
};
