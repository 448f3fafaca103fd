import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { complaints, queues, userQueues, users, type AssignRule } from '../../../db/schema';
import { pickLeastLoaded } from '../policy/pick-least-loaded';

export interface Assignment {
  assigneeId: string | null;
  /** Set when the rule named a queue, so the list can show which queue owns the complaint. */
  assigneeQueueId: string | null;
}

const OPEN = ['new', 'acknowledged', 'in_progress'] as const;

/** Open complaints and last assignment of each candidate, then the least-loaded one. */
async function leastLoaded(tx: Tx, candidateIds: string[]): Promise<string | null> {
  if (candidateIds.length === 0) return null;
  const loads = await tx
    .select({
      userId: complaints.assigneeId,
      openCount: sql<number>`count(*) filter (where ${inArray(complaints.status, [...OPEN])})`.mapWith(Number),
      lastAssignedAt: sql<Date | null>`max(${complaints.levelStartedAt})`.mapWith((v: string | Date | null) => (v === null ? null : new Date(v))),
    })
    .from(complaints)
    .where(inArray(complaints.assigneeId, candidateIds))
    .groupBy(complaints.assigneeId);
  const byUser = new Map(loads.map((l) => [l.userId, l]));
  const picked = pickLeastLoaded(
    candidateIds.map((userId) => ({ userId, openCount: byUser.get(userId)?.openCount ?? 0, lastAssignedAt: byUser.get(userId)?.lastAssignedAt ?? null })),
  );
  return picked?.userId ?? null;
}

/**
 * Who a level's rule hands the complaint to, inside the transaction that assigns it: the named user
 * (if still active), or the least-loaded active member of a role or a queue. A transaction-scoped
 * advisory lock per rule makes concurrent assignments queue up, so two complaints opened at the same
 * moment do not both land on the same "least loaded" person. No candidate → unassigned (logged by
 * the caller); the deadlines still run and escalate it.
 */
export async function resolveAssignee(tx: Tx, rule: AssignRule): Promise<Assignment> {
  if ('userId' in rule) {
    const [user] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, rule.userId), eq(users.active, true)));
    return { assigneeId: user?.id ?? null, assigneeQueueId: null };
  }
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`complaint-assign:${JSON.stringify(rule)}`}))`);
  if ('role' in rule) {
    const members = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, rule.role), eq(users.active, true)));
    return { assigneeId: await leastLoaded(tx, members.map((m) => m.id)), assigneeQueueId: null };
  }
  const [queue] = await tx.select({ id: queues.id }).from(queues).where(eq(queues.name, rule.queue));
  if (!queue) return { assigneeId: null, assigneeQueueId: null };
  const members = await tx
    .select({ id: users.id })
    .from(userQueues)
    .innerJoin(users, eq(users.id, userQueues.userId))
    .where(and(eq(userQueues.queueId, queue.id), eq(users.active, true)));
  return { assigneeId: await leastLoaded(tx, members.map((m) => m.id)), assigneeQueueId: queue.id };
}
