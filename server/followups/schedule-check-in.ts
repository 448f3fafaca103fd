import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import { customers, followUps } from '../../db/schema';
import { followUpQueue } from './follow-up-queue';
import { ensureFollowUpTimer } from './follow-up-timer';
import { checkInDueAt } from './schedule/check-in-due-at';
import { ScheduleConfigError } from './schedule/local-time';

/**
 * After a contact with a customer who has a follow-up frequency (客户跟踪频率), their next
 * regular check-in is `followUpFrequencyDays` after it: the pending check-in is moved there, or one
 * is created. One open check-in per customer at most (an advisory lock serialises concurrent
 * contacts); one already offered is left to be worked. Returns the pending check-in's id, or null.
 */
export async function scheduleNextCheckIn(
  ctx: AppContext,
  customerId: string,
  lastContactAt: Date,
  opts: { queueId?: string | null } = {},
): Promise<string | null> {
  const [customer] = await ctx.db
    .select({ days: customers.followUpFrequencyDays, timezone: customers.timezone })
    .from(customers)
    .where(eq(customers.id, customerId))
    .limit(1);
  if (!customer?.days) return null;
  const days = customer.days;
  const queue = await followUpQueue(ctx.database.sql, ctx.db, { queueId: opts.queueId ?? null, assigneeId: null });
  let dueAt: Date;
  try {
    dueAt = checkInDueAt(lastContactAt, days, customer.timezone, queue.hours, queue.timezone);
  } catch (err) {
    if (!(err instanceof ScheduleConfigError)) throw err;
    ctx.logger.warn({ err: err.message, customerId }, 'check-in not scheduled: bad time zone or hours');
    return null;
  }
  const scheduled = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`check-in:${customerId}`}))`);
    const [open] = await tx
      .select({ id: followUps.id, status: followUps.status, attempt: followUps.attempt })
      .from(followUps)
      .where(and(eq(followUps.customerId, customerId), eq(followUps.kind, 'check_in'), inArray(followUps.status, ['pending', 'offered'])))
      .limit(1);
    if (open?.status === 'offered') return null;
    if (open) {
      await tx.update(followUps).set({ dueAt, updatedAt: new Date() }).where(eq(followUps.id, open.id));
      return { id: open.id, attempt: open.attempt };
    }
    const [created] = await tx
      .insert(followUps)
      .values({ customerId, kind: 'check_in', reason: `Regular check-in (every ${days} days)`, dueAt, queueId: queue.id })
      .returning({ id: followUps.id, attempt: followUps.attempt });
    return created!;
  });
  if (!scheduled) return null;
  await ensureFollowUpTimer(ctx, scheduled.id, scheduled.attempt, dueAt);
  return scheduled.id;
}
