import { inArray } from 'drizzle-orm';
import type { Tx } from '../../client';
import { teams, type NewTeam } from '../../schema';
import { seedId } from '../ids';

export const TEAM_NAMES = { north: 'North', east: 'East' } as const;

export function teamRows(seed: number, createdAt: Date): NewTeam[] {
  return Object.values(TEAM_NAMES).map((name, i) => ({ id: seedId(seed, 'team', i), name, createdAt }));
}

/** Inserts the demo teams unless present; returns the ids of the teams by name (existing rows win). */
export async function seedTeams(db: Tx, seed: number, createdAt: Date): Promise<{ north: string; east: string }> {
  await db.insert(teams).values(teamRows(seed, createdAt)).onConflictDoNothing();
  const rows = await db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.name, Object.values(TEAM_NAMES)));
  const id = (name: string) => rows.find((r) => r.name === name)!.id;
  return { north: id(TEAM_NAMES.north), east: id(TEAM_NAMES.east) };
}
