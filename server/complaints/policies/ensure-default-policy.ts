import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { escalationLevels, escalationPolicies } from '../../../db/schema';
import { DEFAULT_POLICY } from '../policy/choose-policy';
import { BUILT_IN_DEFAULT_LEVELS } from '../policy/default-policy';

/**
 * The id of the `default` policy, creating the built-in one (policy/default-policy.ts) if no admin
 * has defined it. Concurrent callers are safe: the unique name makes the loser wait for the winner's
 * commit and then read its row.
 */
export async function ensureDefaultPolicy(tx: Tx): Promise<string> {
  const [created] = await tx
    .insert(escalationPolicies)
    .values({ name: DEFAULT_POLICY })
    .onConflictDoNothing({ target: escalationPolicies.name })
    .returning({ id: escalationPolicies.id });
  if (created) {
    await tx.insert(escalationLevels).values(BUILT_IN_DEFAULT_LEVELS.map((l) => ({ policyId: created.id, ...l })));
    return created.id;
  }
  const [existing] = await tx.select({ id: escalationPolicies.id }).from(escalationPolicies).where(eq(escalationPolicies.name, DEFAULT_POLICY));
  return existing!.id;
}
