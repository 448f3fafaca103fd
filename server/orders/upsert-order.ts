import { z } from 'zod';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { customers, orders } from '../../db/schema';
import type { Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';
import { badRequest } from '../http/errors';
import { currency, money } from './money';

const orderItem = z.looseObject({
  sku: z.string().max(200).optional(),
  name: z.string().min(1).max(500),
  quantity: z.number().min(0),
  unitPrice: z.number().optional(),
});

export const upsertOrderInput = z.object({
  customerId: z.uuid(),
  externalId: z.string().trim().min(1).max(200),
  total: money,
  /** Profit on the order where the integrator knows it; negative = sold at a loss. */
  margin: money.nullish(),
  currency,
  status: z.string().trim().min(1).max(50),
  placedAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
  items: z.array(orderItem).max(1000).nullish(),
});
export type UpsertOrderInput = z.infer<typeof upsertOrderInput>;

export interface UpsertOrderResult {
  id: string;
  created: boolean;
  /** Customers whose value may have changed: the order's, and its previous owner's if it moved. */
  affectedCustomerIds: string[];
}

/** Creates the order, or updates the one with the same externalId; never a duplicate. */
export async function upsertOrder(db: Tx, actor: Principal, input: UpsertOrderInput): Promise<UpsertOrderResult> {
  return db.transaction(async (tx) => {
    const [customer] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, input.customerId)).limit(1);
    if (!customer) throw badRequest(`unknown customer ${input.customerId}`, [{ path: 'customerId', message: 'no customer has this id' }]);

    // Locks an existing order, so the previous owner read here is the one the update replaces.
    const [previous] = await tx
      .select({ customerId: orders.customerId })
      .from(orders)
      .where(eq(orders.externalId, input.externalId))
      .for('update');

    const values = {
      customerId: input.customerId,
      externalId: input.externalId,
      total: input.total,
      margin: input.margin ?? null,
      currency: input.currency,
      status: input.status,
      placedAt: input.placedAt,
      items: input.items ?? null,
    };
    const [row] = await tx
      .insert(orders)
      .values(values)
      .onConflictDoUpdate({
        target: orders.externalId,
        set: {
          customerId: sql`excluded.customer_id`,
          total: sql`excluded.total`,
          margin: sql`excluded.margin`,
          currency: sql`excluded.currency`,
          status: sql`excluded.status`,
          placedAt: sql`excluded.placed_at`,
          items: sql`excluded.items`,
          updatedAt: sql`now()`,
        },
      })
      // xmax is 0 on a freshly inserted row version and the locking transaction's id on an update.
      .returning({ id: orders.id, created: sql<boolean>`(xmax = 0)` });
    if (!row) throw new Error('order upsert returned no row');

    await recordAudit(tx, actor, {
      action: row.created ? 'order.create' : 'order.update',
      entity: 'order',
      entityId: row.id,
      data: { ...values, placedAt: input.placedAt.toISOString(), ...(previous && previous.customerId !== input.customerId && { previousCustomerId: previous.customerId }) },
    });
    const affected = new Set([input.customerId]);
    if (previous) affected.add(previous.customerId);
    return { id: row.id, created: row.created, affectedCustomerIds: [...affected] };
  });
}
