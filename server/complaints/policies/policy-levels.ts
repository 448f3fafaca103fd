import { asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { escalationLevels, type EscalationLevel } from '../../../db/schema';

/** The levels of one policy, lowest first. */
export async function loadPolicyLevels(tx: Tx, policyId: string): Promise<EscalationLevel[]> {
  return tx.select().from(escalationLevels).where(eq(escalationLevels.policyId, policyId)).orderBy(asc(escalationLevels.level));
}

/** The levels of several policies at once (the sweep), keyed by policy id. */
export async function loadLevelsByPolicy(tx: Tx, policyIds: readonly string[]): Promise<Map<string, EscalationLevel[]>> {
  const byPolicy = new Map<string, EscalationLevel[]>();
  if (policyIds.length === 0) return byPolicy;
  const rows = await tx
    .select()
    .from(escalationLevels)
    .where(inArray(escalationLevels.policyId, [...new Set(policyIds)]))
    .orderBy(asc(escalationLevels.level));
  for (const row of rows) byPolicy.set(row.policyId, [...(byPolicy.get(row.policyId) ?? []), row]);
  return byPolicy;
}
