import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { calls, customers, interactions } from '../../db/schema';
import type { Principal } from '../auth/principal';
import { badRequest, notFound } from '../http/errors';
import { recordAudit } from '../audit/record-audit';

/**
 * The agent picked one of several candidates, or created the unknown caller as a new customer:
 * the call and its contact-history entry now belong to that customer.
 */
export async function linkCallCustomer(db: Database, actor: Principal, callId: string, customerId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [customer] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId)).limit(1);
    if (!customer) throw badRequest('customerId does not name a customer', [{ path: 'customerId', message: 'unknown customer' }]);
    const updated = await tx.update(calls).set({ customerId }).where(eq(calls.id, callId)).returning({ id: calls.id });
    if (updated.length === 0) throw notFound('call not found');
    await tx.update(interactions).set({ customerId }).where(eq(interactions.callId, callId));
    await recordAudit(tx, actor, { action: 'call.link-customer', entity: 'call', entityId: callId, data: { customerId } });
  });
}
