import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { calls, customers, interactions } from '../../db/schema';
import { teamScope, type Principal } from '../auth/principal';
import { badRequest, forbidden, notFound } from '../http/errors';
import { recordAudit } from '../audit/record-audit';
import { visibleTo } from '../customers/customer-visibility';
import { handledBy } from './call-access';

/**
 * The agent picked one of several candidates, or created the unknown caller as a new customer:
 * the call and its contact-history entry now belong to that customer. As with wrap-up, an agent
 * may only link a call they were offered or answered, and only to a customer they can see.
 */
export async function linkCallCustomer(db: Database, actor: Principal, callId: string, customerId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [customer] = await tx.select({ id: customers.id }).from(customers)
      .where(and(eq(customers.id, customerId), visibleTo(teamScope(actor)))).limit(1);
    if (!customer) throw badRequest('customerId does not name a customer', [{ path: 'customerId', message: 'unknown customer' }]);
    const [call] = await tx.select({ offeredAgentId: calls.offeredAgentId, answeredAgentId: calls.answeredAgentId }).from(calls)
      .where(eq(calls.id, callId)).for('update').limit(1);
    if (!call) throw notFound('call not found');
    if (!handledBy(actor, call)) throw forbidden('only the agent who handled the call can link it to a customer');
    await tx.update(calls).set({ customerId }).where(eq(calls.id, callId));
    await tx.update(interactions).set({ customerId }).where(eq(interactions.callId, callId));
    await recordAudit(tx, actor, { action: 'call.link-customer', entity: 'call', entityId: callId, data: { customerId } });
  });
}
