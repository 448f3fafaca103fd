import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../../db/client';
import { escalationLevels, escalationPolicies, queues, users, type AssignRule } from '../../../db/schema';
import type { Principal } from '../../auth/principal';
import { recordAudit } from '../../audit/record-audit';
import { badRequest } from '../../http/errors';
import { InvalidDurationError, parseIsoDuration } from '../../lib/iso-duration';
import { loadPolicyLevels } from './policy-levels';
import { toPolicyView, type PolicyView } from './policy-view';

const duration = z.string().trim().min(2).max(40);
const assignTo = z.union([
  z.object({ role: z.enum(['agent', 'supervisor', 'complaint_handler', 'admin']) }).strict(),
  z.object({ userId: z.uuid() }).strict(),
  z.object({ queue: z.string().trim().min(1).max(100) }).strict(),
]);

export const policyName = z.string().trim().min(1).max(100).regex(/^[\p{L}\p{N}_. -]+$/u, 'letters, digits, space, _ . - only');

export const upsertPolicyInput = z
  .object({
    levels: z
      .array(z.object({ level: z.number().int().min(1).max(99), assignTo, respondWithin: duration, resolveWithin: duration }))
      .min(1)
      .max(20),
    categories: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
    severities: z.array(z.enum(['low', 'medium', 'high', 'critical'])).max(4).default([]),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<number>();
    input.levels.forEach((l, i) => {
      if (seen.has(l.level)) ctx.addIssue({ code: 'custom', path: ['levels', i, 'level'], message: `level ${l.level} appears twice` });
      seen.add(l.level);
    });
  });
export type UpsertPolicyInput = z.infer<typeof upsertPolicyInput>;

function seconds(text: string, path: string): number {
  try {
    return parseIsoDuration(text);
  } catch (err) {
    if (err instanceof InvalidDurationError) throw badRequest('invalid duration', [{ path, message: err.message }]);
    throw err;
  }
}

/** Checks that every named user and queue exists, so a ladder never points at nobody by a typo. */
async function assertTargetsExist(tx: Tx, levels: UpsertPolicyInput['levels']): Promise<void> {
  const rules = levels.map((l) => l.assignTo as AssignRule);
  const userIds = rules.flatMap((r) => ('userId' in r ? [r.userId] : []));
  const queueNames = rules.flatMap((r) => ('queue' in r ? [r.queue] : []));
  const foundUsers = new Set(userIds.length ? (await tx.select({ id: users.id }).from(users).where(inArray(users.id, userIds))).map((u) => u.id) : []);
  const foundQueues = new Set(queueNames.length ? (await tx.select({ name: queues.name }).from(queues).where(inArray(queues.name, queueNames))).map((q) => q.name) : []);
  const problems = rules.flatMap((r, i) => {
    if ('userId' in r && !foundUsers.has(r.userId)) return [{ path: `levels.${i}.assignTo.userId`, message: 'unknown user' }];
    if ('queue' in r && !foundQueues.has(r.queue)) return [{ path: `levels.${i}.assignTo.queue`, message: 'unknown queue' }];
    return [];
  });
  if (problems.length) throw badRequest('unknown assignee', problems);
}

/**
 * PUT /api/escalation-policies/{name}: creates or replaces the policy and its whole ladder.
 * Complaints already on the policy keep their current deadlines; their next level is read from the
 * new ladder when they escalate (a level that disappeared maps to the nearest one below).
 */
export async function upsertPolicy(db: Tx, actor: Principal, name: string, input: UpsertPolicyInput): Promise<PolicyView> {
  const levels = input.levels.map((l, i) => ({
    level: l.level,
    assignTo: l.assignTo as AssignRule,
    respondWithinSeconds: seconds(l.respondWithin, `levels.${i}.respondWithin`),
    resolveWithinSeconds: seconds(l.resolveWithin, `levels.${i}.resolveWithin`),
  }));
  return db.transaction(async (tx) => {
    await assertTargetsExist(tx, input.levels);
    const now = new Date();
    const [policy] = await tx
      .insert(escalationPolicies)
      .values({ name, categories: input.categories, severities: input.severities })
      .onConflictDoUpdate({ target: escalationPolicies.name, set: { categories: input.categories, severities: input.severities, updatedAt: now } })
      .returning();
    await tx.delete(escalationLevels).where(eq(escalationLevels.policyId, policy!.id));
    await tx.insert(escalationLevels).values(levels.map((l) => ({ policyId: policy!.id, ...l })));
    await recordAudit(tx, actor, {
      action: 'escalation_policy.upsert',
      entity: 'escalation_policy',
      entityId: policy!.id,
      data: { name, categories: input.categories, severities: input.severities, levels: input.levels },
    });
    return toPolicyView(policy!, await loadPolicyLevels(tx, policy!.id));
  });
}
