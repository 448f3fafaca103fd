import { z } from 'zod';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { customers } from '../../db/schema';
import type { Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';
import { forbidden, notFound } from '../http/errors';
import { locale, teamName, timeZone } from '../admin/field-schemas';
import { teamNamedBy } from '../admin/ensure-team';
import { isAdmin, teamScope } from '../auth/principal';

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
    /** Team name; null takes the customer out of every team. Team-scoped users cannot move customers. */
    team: teamName.nullable().optional(),
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
  const { team, ...fields } = input;
  const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Omit<UpdateCustomerInput, 'team'>;
  return db.transaction(async (tx) => {
    let teamChange: { teamId: string | null } | undefined;
    if (team !== undefined) {
      const mayMove = teamScope(actor) === null && (isAdmin(actor) || (actor.kind === 'user' && actor.user.role === 'supervisor'));
      if (!mayMove) {
        throw forbidden('only admins and supervisors without a team may move a customer to another team');
      }
      teamChange = { teamId: team === null ? null : await teamNamedBy(tx, actor, team) };
    }
    const [row] = await tx
      .update(customers)
      .set({ ...changes, ...teamChange, updatedAt: sql`now()` })
      .where(and(eq(customers.id, customerId), visibleTo(teamId)))
      .returning({ id: customers.id });
    if (!row) throw notFound('customer not found');
    await recordAudit(tx, actor, { action: 'customer.update', entity: 'customer', entityId: row.id, data: { ...changes, ...(team !== undefined && { team }) } });
    return { id: row.id };
  });
}
