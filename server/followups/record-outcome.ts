import { eq } from 'drizzle-orm';
import type { AppContext } from '../context';
import { followUps } from '../../db/schema';
import { teamScope, type Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';
import { conflict } from '../http/errors';
import { followUpQueue } from './follow-up-queue';
import { dropFollowUpTimer, ensureFollowUpTimer } from './follow-up-timer';
import { settleFollowUpNotifications } from './offer-follow-up';
import { scheduleNextCheckIn } from './schedule-check-in';
import { toFollowUpView, type FollowUpView } from './follow-up-view';
import { visibleFollowUp } from './visible-follow-up';
import { FollowUpClosedError, outcomeTransition, type FollowUpOutcome } from './schedule/outcome-transition';

/**
 * POST /api/followups/{id}/outcome: reached → completed (and the customer's next check-in is
 * scheduled); wrong_number → failed; no_answer → the next attempt after retryAfter, in opening
 * hours, until maxAttempts, then failed. The row lock makes two clicks record one outcome.
 */
export async function recordFollowUpOutcome(ctx: AppContext, actor: Principal, id: string, outcome: FollowUpOutcome, note?: string): Promise<FollowUpView> {
  const current = await visibleFollowUp(ctx.db, id, teamScope(actor));
  const queue = await followUpQueue(ctx.database.sql, ctx.db, current);
  const now = new Date();
  const { before, after } = await ctx.db.transaction(async (tx) => {
    const row = await visibleFollowUp(tx, id, teamScope(actor), true);
    let next;
    try {
      next = outcomeTransition(row, outcome, now, queue.hours, queue.timezone);
    } catch (err) {
      if (err instanceof FollowUpClosedError) throw conflict(err.message);
      throw err;
    }
    const [updated] = await tx
      .update(followUps)
      .set({
        status: next.status,
        attempt: next.attempt,
        lastOutcome: next.lastOutcome,
        lastAttemptAt: now,
        updatedAt: now,
        ...(next.status === 'pending' ? { dueAt: next.dueAt, offeredAt: null, offeredTo: null } : { completedAt: now }),
      })
      .where(eq(followUps.id, id))
      .returning();
    await recordAudit(tx, actor, { action: 'followup.outcome', entity: 'follow_up', entityId: id, data: { outcome, attempt: row.attempt, status: next.status, ...(note && { note }) } });
    return { before: row, after: updated! };
  });
  await dropFollowUpTimer(ctx, id, before.attempt);
  await settleFollowUpNotifications(ctx, id);
  if (after.status === 'pending') await ensureFollowUpTimer(ctx, id, after.attempt, after.dueAt);
  if (outcome === 'reached') await scheduleNextCheckIn(ctx, after.customerId, now, { queueId: after.queueId });
  return toFollowUpView(after, { queue: queue.name });
}
