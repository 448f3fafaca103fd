import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { customers, followUps, type FollowUp } from '../../db/schema';
import { visibleTo } from '../customers/customer-visibility';
import { notFound } from '../http/errors';

/** The follow-up if its customer is visible to the team scope (404 otherwise); `lock` takes the row lock. */
export async function visibleFollowUp(tx: Tx, id: string, teamId: string | null, lock = false): Promise<FollowUp> {
  const query = tx
    .select({ f: followUps })
    .from(followUps)
    .innerJoin(customers, eq(customers.id, followUps.customerId))
    .where(and(eq(followUps.id, id), visibleTo(teamId)))
    .limit(1);
  const [hit] = lock ? await query.for('update', { of: followUps }) : await query;
  if (!hit) throw notFound('follow-up not found');
  return hit.f;
}
