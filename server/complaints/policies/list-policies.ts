import { asc } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { escalationPolicies } from '../../../db/schema';
import { loadLevelsByPolicy } from './policy-levels';
import { toPolicyView, type PolicyView } from './policy-view';

/** Every policy with its levels, in creation order (the order choosePolicy breaks ties by). */
export async function listPolicies(tx: Tx): Promise<PolicyView[]> {
  const policies = await tx.select().from(escalationPolicies).orderBy(asc(escalationPolicies.createdAt), asc(escalationPolicies.id));
  const levels = await loadLevelsByPolicy(tx, policies.map((p) => p.id));
  return policies.map((p) => toPolicyView(p, levels.get(p.id) ?? []));
}
