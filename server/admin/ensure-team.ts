import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { teams } from '../../db/schema';
import { isAdmin, type Principal } from '../auth/principal';
import { badRequest } from '../http/errors';
import { recordAudit } from '../audit/record-audit';

/** The id of the team called `name`, creating it (and auditing that) when it does not exist yet. */
export async function ensureTeam(tx: Tx, actor: Principal, name: string): Promise<string> {
  const [created] = await tx.insert(teams).values({ name }).onConflictDoNothing({ target: teams.name }).returning({ id: teams.id });
  if (created) {
    await recordAudit(tx, actor, { action: 'team.create', entity: 'team', entityId: created.id, data: { name } });
    return created.id;
  }
  const [existing] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.name, name)).limit(1);
  if (!existing) throw new Error(`team ${name} vanished while being created`);
  return existing.id;
}

/** The id of an existing team, or null. */
export async function findTeamId(tx: Tx, name: string): Promise<string | null> {
  const [row] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.name, name)).limit(1);
  return row?.id ?? null;
}

/** A team named by `actor`: admins and integrations create it on first mention; anyone else may only name an existing one (400). */
export async function teamNamedBy(tx: Tx, actor: Principal, name: string): Promise<string> {
  if (isAdmin(actor)) return ensureTeam(tx, actor, name);
  const id = await findTeamId(tx, name);
  if (!id) throw badRequest(`unknown team ${JSON.stringify(name)}`, [{ path: 'team', message: 'unknown team' }]);
  return id;
}
