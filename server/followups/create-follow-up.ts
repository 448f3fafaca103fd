import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../context';
import { followUps, queues, users } from '../../db/schema';
import { actorId, teamScope, type Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';
import { badRequest } from '../http/errors';
import { assertCustomerVisible } from '../customers/customer-visibility';
import { defaultQueue } from '../calls/resolve-queue';
import type { CreateFollowUpInput } from './follow-up-input';
import { followUpQueue } from './follow-up-queue';
import { ensureFollowUpTimer } from './follow-up-timer';
import { nextOpening } from './schedule/next-opening';

async function queueIdOf(ctx: AppContext, input: CreateFollowUpInput): Promise<string | null> {
  if (input.queue) {
    const [q] = await ctx.db.select({ id: queues.id }).from(queues).where(eq(queues.name, input.queue)).limit(1);
    if (!q) throw badRequest(`unknown queue ${JSON.stringify(input.queue)}`, [{ path: 'queue', message: 'unknown queue' }]);
    return q.id;
  }
  return input.assigneeId ? null : (await defaultQueue(ctx.db)).id;
}

/** POST /api/followups: stores the follow-up (due time moved into opening hours), then its timer. */
export async function createFollowUp(ctx: AppContext, actor: Principal, input: CreateFollowUpInput): Promise<{ id: string; dueAt: string; status: string }> {
  await assertCustomerVisible(ctx.db, input.customerId, teamScope(actor));
  if (input.assigneeId) {
    const [u] = await ctx.db.select({ id: users.id }).from(users).where(and(eq(users.id, input.assigneeId), eq(users.active, true))).limit(1);
    if (!u) throw badRequest('unknown assignee', [{ path: 'assigneeId', message: 'no active user with this id' }]);
  }
  const queueId = await queueIdOf(ctx, input);
  const queue = await followUpQueue(ctx.database.sql, ctx.db, { queueId, assigneeId: input.assigneeId ?? null });
  let dueAt: Date;
  try {
    dueAt = nextOpening(input.dueAt, queue.hours, queue.timezone);
  } catch (err) {
    throw badRequest(`queue ${queue.name} has unusable opening hours: ${(err as Error).message}`);
  }
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(followUps)
      .values({
        customerId: input.customerId,
        kind: input.kind,
        reason: input.reason,
        dueAt,
        assigneeId: input.assigneeId ?? null,
        queueId,
        complaintId: input.complaintId ?? null,
        callId: input.callId ?? null,
        maxAttempts: input.maxAttempts,
        retryAfterSeconds: input.retryAfter,
        createdBy: actorId(actor),
      })
      .returning();
    await recordAudit(tx, actor, { action: 'followup.create', entity: 'follow_up', entityId: created!.id, data: { customerId: input.customerId, dueAt: dueAt.toISOString(), kind: input.kind } });
    return created!;
  });
  // After commit: a crash here leaves a row without a timer, which the sweep re-creates.
  await ensureFollowUpTimer(ctx, row.id, row.attempt, dueAt, { fresh: true });
  return { id: row.id, dueAt: dueAt.toISOString(), status: row.status };
}
