import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../../db/client';
import { calls, complaintEvents, complaints, escalationPolicies, orders, type Complaint, type EscalationLevel } from '../../../db/schema';
import type { AppContext } from '../../context';
import { actorId, teamScope, type Principal } from '../../auth/principal';
import { recordAudit } from '../../audit/record-audit';
import { assertCustomerVisible } from '../../customers/customer-visibility';
import { badRequest } from '../../http/errors';
import { resolveAssignee } from '../assign/resolve-assignee';
import { emitComplaintUpdated } from '../notify/emit-updated';
import { complaintSnapshot } from '../notify/complaint-snapshot';
import { storeDurable, type PendingDelivery } from '../notify/store-durable';
import { choosePolicy, DEFAULT_POLICY, UnknownPolicyError } from '../policy/choose-policy';
import { levelDeadlines } from '../policy/level-deadlines';
import { firstLevel } from '../policy/level-for';
import { ensureDefaultPolicy } from '../policies/ensure-default-policy';
import { loadPolicyLevels } from '../policies/policy-levels';
import { resetDeadlineJobs } from '../deadlines/deadline-jobs';

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : undefined));

export const createComplaintInput = z.object({
  customerId: z.uuid(),
  summary: z.string().trim().min(1).max(500),
  category: z.string().trim().min(1).max(100),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  callId: z.uuid().nullish(),
  orderId: z.uuid().nullish(),
  policy: optionalText(100),
  description: optionalText(10_000),
});
export type CreateComplaintInput = z.infer<typeof createComplaintInput>;

/** The policy for a new complaint: named, else matched by category/severity, else `default` (built in on first use). */
async function policyFor(tx: Tx, input: CreateComplaintInput): Promise<{ id: string; name: string }> {
  const policies = await tx.select().from(escalationPolicies).orderBy(asc(escalationPolicies.createdAt), asc(escalationPolicies.id));
  let name: string;
  try {
    name = choosePolicy({ policy: input.policy, category: input.category, severity: input.severity }, policies);
  } catch (err) {
    if (err instanceof UnknownPolicyError) throw badRequest('unknown escalation policy', [{ path: 'policy', message: err.message }]);
    throw err;
  }
  const found = policies.find((p) => p.name === name);
  if (found) return { id: found.id, name };
  return { id: await ensureDefaultPolicy(tx), name: DEFAULT_POLICY };
}

async function assertLinks(tx: Tx, input: CreateComplaintInput): Promise<void> {
  if (input.orderId) {
    const [order] = await tx.select({ id: orders.id }).from(orders).where(and(eq(orders.id, input.orderId), eq(orders.customerId, input.customerId)));
    if (!order) throw badRequest('unknown order', [{ path: 'orderId', message: 'no such order for this customer' }]);
  }
  if (input.callId) {
    const [call] = await tx.select({ id: calls.id, customerId: calls.customerId }).from(calls).where(eq(calls.id, input.callId));
    if (!call) throw badRequest('unknown call', [{ path: 'callId', message: 'no such call' }]);
    // A call not (yet) linked to anyone may be named; one linked to another customer may not.
    if (call.customerId !== null && call.customerId !== input.customerId) {
      throw badRequest('the call belongs to another customer', [{ path: 'callId', message: 'the call belongs to another customer' }]);
    }
  }
}

/**
 * POST /api/complaints: any console user may open a complaint (an agent from a pop). It starts at the
 * first level of its policy, assigned by that level's rule, with both deadlines running from now;
 * complaint:assigned goes to the assignee (stored with the complaint, replayed until acknowledged).
 */
export async function createComplaint(ctx: AppContext, actor: Principal, input: CreateComplaintInput, now = new Date()): Promise<Complaint> {
  let delivery: PendingDelivery | null = null;
  let levels: EscalationLevel[] = [];
  const complaint = await ctx.db.transaction(async (tx) => {
    await assertCustomerVisible(tx, input.customerId, teamScope(actor));
    await assertLinks(tx, input);
    const policy = await policyFor(tx, input);
    levels = await loadPolicyLevels(tx, policy.id);
    const level = firstLevel(levels);
    if (!level) throw badRequest('escalation policy has no levels', [{ path: 'policy', message: `policy ${policy.name} has no levels` }]);
    const assignment = await resolveAssignee(tx, level.assignTo);
    const deadlines = levelDeadlines(level, now);
    const [row] = await tx
      .insert(complaints)
      .values({
        customerId: input.customerId,
        callId: input.callId ?? null,
        orderId: input.orderId ?? null,
        summary: input.summary,
        description: input.description ?? null,
        category: input.category,
        severity: input.severity,
        policyId: policy.id,
        level: level.level,
        assigneeId: assignment.assigneeId,
        assigneeQueueId: assignment.assigneeQueueId,
        respondBy: deadlines.respondBy,
        resolveBy: deadlines.resolveBy,
        levelStartedAt: now,
        createdBy: actorId(actor),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(complaintEvents).values({ complaintId: row!.id, type: 'created', actorId: actorId(actor), toLevel: row!.level, assigneeId: row!.assigneeId, toStatus: 'new', note: `policy ${policy.name}`, at: now });
    await recordAudit(tx, actor, {
      action: 'complaint.create',
      entity: 'complaint',
      entityId: row!.id,
      data: { customerId: input.customerId, category: input.category, severity: input.severity, policy: policy.name, level: row!.level, assigneeId: row!.assigneeId },
    });
    if (row!.assigneeId) delivery = await storeDurable(tx, row!.assigneeId, 'complaint:assigned', { complaint: complaintSnapshot(row!) });
    return row!;
  });
  if (!complaint.assigneeId) ctx.logger.warn({ complaintId: complaint.id }, 'new complaint has nobody to assign to');
  (delivery as PendingDelivery | null)?.send(ctx);
  emitComplaintUpdated(ctx, complaint, 'created');
  await resetDeadlineJobs(ctx, { complaint, levels }, null);
  return complaint;
}
