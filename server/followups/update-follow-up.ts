import { eq } from 'drizzle-orm';
import type { AppContext } from '../context';
import { followUps, type FollowUp } from '../../db/schema';
import { teamScope, type Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';
import { badRequest, conflict } from '../http/errors';
import type { UpdateFollowUpInput } from './follow-up-input';
import { isOpenStatus } from './follow-up-row';
import { followUpQueue } from './follow-up-queue';
import { dropFollowUpTimer, ensureFollowUpTimer } from './follow-up-timer';
import { settleFollowUpNotifications } from './offer-follow-up';
import { toFollowUpView, type FollowUpView } from './follow-up-view';
import { visibleFollowUp } from './visible-follow-up';
import { nextOpening } from './schedule/next-opening';

/**
 * PATCH /api/followups/{id}: `{dueAt}` reschedules (an offered one goes back to pending for the new
 * time), `{status: "cancelled"}` cancels; either drops the old timer and any unread pop of it.
 */
export async function updateFollowUp(ctx: AppContext, actor: Principal, id: string, input: UpdateFollowUpInput): Promise<FollowUpView> {
  let dueAt: Date | undefined;
  if (input.dueAt) {
    const current = await visibleFollowUp(ctx.db, id, teamScope(actor));
    const queue = await followUpQueue(ctx.database.sql, ctx.db, current);
    try {
      dueAt = nextOpening(input.dueAt, queue.hours, queue.timezone);
    } catch (err) {
      throw badRequest(`queue ${queue.name} has unusable opening hours: ${(err as Error).message}`);
    }
  }
  const { before, after } = await ctx.db.transaction(async (tx) => {
    const row = await visibleFollowUp(tx, id, teamScope(actor), true);
    if (!isOpenStatus(row.status) && (input.dueAt || input.status)) throw conflict(`follow-up is ${row.status}`);
    const now = new Date();
    const set: Partial<FollowUp> = { updatedAt: now };
    if (input.reason) set.reason = input.reason;
    if (input.status === 'cancelled') Object.assign(set, { status: 'cancelled', completedAt: now });
    if (dueAt) Object.assign(set, { dueAt, status: 'pending', offeredAt: null, offeredTo: null });
    const [updated] = await tx.update(followUps).set(set).where(eq(followUps.id, id)).returning();
    await recordAudit(tx, actor, {
      action: input.status === 'cancelled' ? 'followup.cancel' : input.dueAt ? 'followup.reschedule' : 'followup.update',
      entity: 'follow_up',
      entityId: id,
      data: { ...(dueAt && { from: row.dueAt.toISOString(), to: dueAt.toISOString() }), ...(input.reason && { reason: input.reason }) },
    });
    return { before: row, after: updated! };
  });
  if (after.status === 'cancelled') await dropFollowUpTimer(ctx, id, after.attempt);
  if (dueAt) await ensureFollowUpTimer(ctx, id, after.attempt, dueAt);
  if (before.status === 'offered' && (after.status === 'cancelled' || dueAt)) await settleFollowUpNotifications(ctx, id);
  return toFollowUpView(after);
}
