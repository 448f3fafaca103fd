import { z } from 'zod';
import type { Tx } from '../../db/client';
import { customerPhones, customers } from '../../db/schema';
import { teamScope, type Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';
import { conflict, forbidden } from '../http/errors';
import { phoneField } from '../phones/phone-schema';
import { findTeamId, teamNamedBy } from '../admin/ensure-team';
import { locale, teamName, timeZone } from '../admin/field-schemas';
import { customerEmail, customerName, customerTags, followUpFrequencyDays } from './customer-fields';

export function createCustomerInput(defaultRegion: string) {
  return z.object({
    name: customerName,
    /** Any written form; stored as E.164 read with DEFAULT_REGION. */
    phones: z.array(phoneField(defaultRegion)).max(20).default([]),
    email: customerEmail.nullish(),
    tags: customerTags.default([]),
    timezone: timeZone.nullish(),
    locale: locale.nullish(),
    team: teamName.optional(),
    followUpFrequencyDays: followUpFrequencyDays.nullish(),
    /** The integrator's own id (CSV import key). */
    externalId: z.string().trim().min(1).max(200).optional(),
  });
}
export type CreateCustomerInput = z.infer<ReturnType<typeof createCustomerInput>>;

/**
 * Admins and integrations may name any team (created on first mention); a team-scoped agent or
 * supervisor always creates customers of their own team; others may name an existing team.
 */
async function resolveTeam(tx: Tx, actor: Principal, team: string | undefined): Promise<string | null> {
  const scope = teamScope(actor);
  if (scope) {
    if (team !== undefined && (await findTeamId(tx, team)) !== scope) throw forbidden('customers can only be created for your own team');
    return scope;
  }
  return team === undefined ? null : teamNamedBy(tx, actor, team);
}

export async function createCustomer(db: Tx, actor: Principal, input: CreateCustomerInput): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const teamId = await resolveTeam(tx, actor, input.team);
    const phones = [...new Set(input.phones)];
    const [customer] = await tx
      .insert(customers)
      .values({
        name: input.name,
        email: input.email ?? null,
        tags: input.tags,
        timezone: input.timezone ?? null,
        locale: input.locale ?? null,
        teamId,
        followUpFrequencyDays: input.followUpFrequencyDays ?? null,
        externalId: input.externalId ?? null,
      })
      .onConflictDoNothing({ target: customers.externalId })
      .returning({ id: customers.id });
    if (!customer) throw conflict('a customer with this externalId already exists', [{ path: 'externalId', message: 'already in use' }]);
    if (phones.length) await tx.insert(customerPhones).values(phones.map((e164) => ({ customerId: customer.id, e164 })));
    await recordAudit(tx, actor, {
      action: 'customer.create',
      entity: 'customer',
      entityId: customer.id,
      data: { name: input.name, phones, email: input.email ?? null, tags: input.tags, teamId, externalId: input.externalId ?? null },
    });
    return { id: customer.id };
  });
}
