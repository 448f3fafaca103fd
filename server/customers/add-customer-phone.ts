import { z } from 'zod';
import type { Tx } from '../../db/client';
import { customerPhones } from '../../db/schema';
import type { Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';
import { phoneField } from '../phones/phone-schema';
import { assertCustomerVisible } from './customer-visibility';

export function addCustomerPhoneInput(defaultRegion: string) {
  return z.object({ phone: phoneField(defaultRegion), label: z.string().trim().min(1).max(50).optional() });
}
export type AddCustomerPhoneInput = z.infer<ReturnType<typeof addCustomerPhoneInput>>;

/** Adds a number to a customer; adding one they already have changes nothing (`created: false`). */
export async function addCustomerPhone(
  db: Tx,
  actor: Principal,
  customerId: string,
  teamId: string | null,
  input: AddCustomerPhoneInput,
): Promise<{ e164: string; created: boolean }> {
  return db.transaction(async (tx) => {
    await assertCustomerVisible(tx, customerId, teamId);
    const [row] = await tx
      .insert(customerPhones)
      .values({ customerId, e164: input.phone, label: input.label ?? null })
      .onConflictDoNothing({ target: [customerPhones.customerId, customerPhones.e164] })
      .returning({ id: customerPhones.id });
    if (row) {
      await recordAudit(tx, actor, { action: 'customer.phone.add', entity: 'customer', entityId: customerId, data: { e164: input.phone } });
    }
    return { e164: input.phone, created: Boolean(row) };
  });
}
