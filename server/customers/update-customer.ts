import { z } from 'zod';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { customers } from '../../db/schema';
import type { Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../http/errors';
import { locale, timeZone } from '../admin/field-schemas';
import { customerEmail, customerName, customerTags, followUpFrequencyDays } from './customer-fields';
import { visibleTo } from './customer-visibility';

/** Profile fields of the customer page; null clears an optional field, absent leaves it alone. */
export const updateCustomerInput = z
  .object({
    name: customerName.optional(),
    email: customerEmail.nullable().optional(),
    tags: customerTags.optional(),
    timezone: timeZone.nullable().optional(),
    locale: locale.nullable().optional(),
    followUpFrequencyDays: followUpFrequencyDays.nullable().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'nothing to change' });
export type UpdateCustomerInput = z.infer<typeof updateCustomerInput>;

export async function updateCustomer(
  db: Tx,
  actor: Principal,
  customerId: string,
  teamId: string | null,
  input: UpdateCustomerInput,
): Promise<{ id: string }> {
  const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as UpdateCustomerInput;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(customers)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(and(eq(customers.id, customerId), visibleTo(teamId)))
      .returning({ id: customers.id });
    if (!row) throw notFound('customer not found');
    await recordAudit(tx, actor, { action: 'customer.update', entity: 'customer', entityId: row.id, data: changes });
    return { id: row.id };
  });
}
