import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { teams } from '../../db/schema';

export interface TeamListItem {
  id: string;
  name: string;
}

/** Every team by name (what the console offers when a customer or user is moved); `teamId` confines it to one. */
export async function listTeams(db: Tx, teamId: string | null): Promise<TeamListItem[]> {
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(teamId ? eq(teams.id, teamId) : undefined)
    .orderBy(asc(teams.name));
}
