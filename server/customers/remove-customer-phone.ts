import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { customerPhones } from '../../db/schema';
import type { Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../http/errors';
import { assertCustomerVisible } from './customer-visibility';

export async function removeCustomerPhone(db: Tx, actor: Principal, customerId: string, teamId: string | null, e164: string): Promise<void> {
  await db.transaction(async (tx) => {
    await assertCustomerVisible(tx, customerId, teamId);
    const removed = await tx
      .delete(customerPhones)
      .where(and(eq(customerPhones.customerId, customerId), eq(customerPhones.e164, e164)))
      .returning({ id: customerPhones.id });
    if (!removed.length) throw notFound('the customer has no such number');
    await recordAudit(tx, actor, { action: 'customer.phone.remove', entity: 'customer', entityId: customerId, data: { e164 } });
  });
}
