import { eq } from 'drizzle-orm';
import type { Tx } from '../../client';
import { escalationLevels, escalationPolicies, type AssignRule } from '../../schema';
import { seedId } from '../ids';

const HOUR = 3600;

/**
 * The "default" policy: a complaint handler first, then the supervisor, then an admin. The first
 * level allows a working day to respond, so freshly seeded complaints are not overdue at once.
 */
export const DEFAULT_POLICY_LEVELS: ReadonlyArray<{ level: number; assignTo: AssignRule; respondWithinSeconds: number; resolveWithinSeconds: number }> = [
  { level: 1, assignTo: { role: 'complaint_handler' }, respondWithinSeconds: 24 * HOUR, resolveWithinSeconds: 72 * HOUR },
  { level: 2, assignTo: { role: 'supervisor' }, respondWithinSeconds: 8 * HOUR, resolveWithinSeconds: 48 * HOUR },
  { level: 3, assignTo: { role: 'admin' }, respondWithinSeconds: 4 * HOUR, resolveWithinSeconds: 24 * HOUR },
];

/** Creates the default policy unless one named "default" exists; returns its id and first level. */
export async function seedEscalationPolicy(db: Tx, seed: number, createdAt: Date) {
  await db.insert(escalationPolicies).values({ id: seedId(seed, 'policy', 0), name: 'default', createdAt, updatedAt: createdAt }).onConflictDoNothing();
  const [policy] = await db.select({ id: escalationPolicies.id }).from(escalationPolicies).where(eq(escalationPolicies.name, 'default'));
  const policyId = policy!.id;
  await db
    .insert(escalationLevels)
    .values(DEFAULT_POLICY_LEVELS.map((l, i) => ({ id: seedId(seed, 'level', i), policyId, ...l })))
    .onConflictDoNothing();
  const [first] = await db.select().from(escalationLevels).where(eq(escalationLevels.policyId, policyId)).orderBy(escalationLevels.level).limit(1);
  return { policyId, firstLevel: { respondWithinSeconds: first!.respondWithinSeconds, resolveWithinSeconds: first!.resolveWithinSeconds } };
}
