import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../context';
import { followUps } from '../../db/schema';
import { findFollowUp } from './follow-up-row';
import { followUpQueue } from './follow-up-queue';
import { ensureFollowUpTimer } from './follow-up-timer';
import { nextOpening } from './schedule/next-opening';
import { ScheduleConfigError } from './schedule/local-time';

/**
 * Schedules the delayed job of a follow-up row that is already in the database (the complaints
 * service inserts its satisfaction follow-up and calls this). Its due time is first moved into its
 * queue's opening hours; a row that is not pending is left alone. Safe to call twice: the job is
 * keyed by follow-up and attempt. Returns the due time the job fires at, or null.
 */
export async function scheduleFollowUpJob(ctx: AppContext, followUpId: string): Promise<Date | null> {
  const row = await findFollowUp(ctx.db, followUpId);
  if (!row || row.status !== 'pending') return null;
  let dueAt = row.dueAt;
  const queue = await followUpQueue(ctx.database.sql, ctx.db, row);
  try {
    dueAt = nextOpening(row.dueAt, queue.hours, queue.timezone);
  } catch (err) {
    if (!(err instanceof ScheduleConfigError)) throw err;
    ctx.logger.warn({ err: err.message, queue: queue.name }, 'queue hours unusable; follow-up keeps its due time');
  }
  if (dueAt.getTime() !== row.dueAt.getTime()) {
    await ctx.db
      .update(followUps)
      .set({ dueAt, updatedAt: new Date() })
      .where(and(eq(followUps.id, row.id), eq(followUps.attempt, row.attempt), eq(followUps.status, 'pending')));
  }
  await ensureFollowUpTimer(ctx, row.id, row.attempt, dueAt);
  return dueAt;
}
