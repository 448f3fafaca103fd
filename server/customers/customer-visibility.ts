import { and, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { customers } from '../../db/schema';
import { notFound } from '../http/errors';

/**
 * Team scoping: a principal confined to a team (teamScope()) sees that team's customers and the
 * customers of no team; null sees everyone.
 */
export function visibleTo(teamId: string | null): SQL | undefined {
  return teamId ? or(eq(customers.teamId, teamId), isNull(customers.teamId)) : undefined;
}

/** 404 (not 403: existence is not disclosed) when the customer is missing or outside the scope. */
export async function assertCustomerVisible(tx: Tx, customerId: string, teamId: string | null): Promise<void> {
  const [row] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, customerId), visibleTo(teamId)))
    .limit(1);
  if (!row) throw notFound('customer not found');
}
