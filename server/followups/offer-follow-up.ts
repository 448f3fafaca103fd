import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import { followUps, notifications } from '../../db/schema';
import type { FollowUpDue } from '../realtime/events';
import { userRoom } from '../realtime/rooms';
import { buildPopForCustomer } from '../pop/build-pop';
import { findFollowUp } from './follow-up-row';
import { followUpQueue } from './follow-up-queue';
import { ensureFollowUpTimer } from './follow-up-timer';
import { findRecipient } from './find-recipient';
import { toFollowUpView } from './follow-up-view';
import { offerAt } from './schedule/offer-window';
import { ScheduleConfigError } from './schedule/local-time';

export type OfferResult = 'offered' | 'waiting' | 'deferred' | 'skipped';

// A timer that fires a hair early (clock granularity) still counts as due.
const EARLY_TOLERANCE_MS = 20;

/**
 * The `followups.due` job, and the sweep's retry of follow-ups that wait for an agent. Runs any
 * number of times for the same (follow-up, attempt): the offer is claimed with a guarded UPDATE
 * (pending → offered for exactly this attempt) in the same transaction that stores the
 * notification, so a duplicate or concurrent run, or a crash and re-run, stores one notification
 * and a crash between the two stores neither.
 */
export async function offerFollowUp(ctx: AppContext, followUpId: string, attempt: number, now = new Date()): Promise<OfferResult> {
  const row = await findFollowUp(ctx.db, followUpId);
  if (!row || row.attempt !== attempt || row.status !== 'pending') return 'skipped';
  if (row.dueAt.getTime() > now.getTime() + EARLY_TOLERANCE_MS) {
    await ensureFollowUpTimer(ctx, row.id, row.attempt, row.dueAt); // rescheduled later meanwhile
    return 'deferred';
  }
  const queue = await followUpQueue(ctx.database.sql, ctx.db, row);
  let when = now;
  try {
    when = offerAt(row.dueAt, now, queue.hours, queue.timezone);
  } catch (err) {
    if (!(err instanceof ScheduleConfigError)) throw err;
  }
  if (when.getTime() > now.getTime()) {
    const [moved] = await ctx.db
      .update(followUps)
      .set({ dueAt: when, updatedAt: now })
      .where(and(eq(followUps.id, row.id), eq(followUps.attempt, attempt), eq(followUps.status, 'pending')))
      .returning({ id: followUps.id });
    if (moved) await ensureFollowUpTimer(ctx, row.id, attempt, when);
    return moved ? 'deferred' : 'skipped';
  }

  const recipient = await findRecipient(ctx, row, queue.id);
  if (!recipient) return 'waiting';
  const pop = await buildPopForCustomer(ctx.database.sql, row.customerId);

  const delivered = await ctx.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(followUps)
      .set({ status: 'offered', offeredAt: now, offeredTo: recipient.userId, updatedAt: now })
      .where(and(eq(followUps.id, row.id), eq(followUps.attempt, attempt), eq(followUps.status, 'pending')))
      .returning();
    if (!claimed) return null;
    const payload: FollowUpDue = {
      followUp: { ...toFollowUpView(claimed, { queue: queue.name }), queueTimezone: queue.timezone, offeredBecause: recipient.why },
      pop: { ...pop, queue: queue.name },
    };
    // The outbox's table, written in this transaction (deliverDurably stores outside any transaction).
    const [n] = await tx.insert(notifications).values({ userId: recipient.userId, event: 'followup:due', payload }).returning({ id: notifications.id });
    return { payload, notificationId: n!.id };
  });
  if (!delivered) return 'skipped';
  ctx.realtime.io.to(userRoom(recipient.userId)).emit('followup:due', { ...delivered.payload, notificationId: delivered.notificationId });
  ctx.logger.debug({ followUpId, attempt, to: recipient.userId, why: recipient.why }, 'follow-up offered');
  return 'offered';
}

/** Marks the `followup:due` notifications of a follow-up as read: it was handled, it must not replay. */
export async function settleFollowUpNotifications(ctx: AppContext, followUpId: string): Promise<void> {
  await ctx.db
    .update(notifications)
    .set({ ackedAt: new Date() })
    .where(and(eq(notifications.event, 'followup:due'), sql`${notifications.ackedAt} is null`, sql`${notifications.payload}->'followUp'->>'id' = ${followUpId}`));
}
