import type { BoardSnapshot } from './snapshot-types';

/**
 * What a supervisor confined to `teamId` sees: their team's queues and those of no team, and their
 * team's agents. Pure. `null` (admins, supervisors without a team) sees everything.
 */
export function scopeSnapshot(snapshot: BoardSnapshot, teamId: string | null): BoardSnapshot {
  if (teamId === null) return snapshot;
  return {
    ...snapshot,
    queues: snapshot.queues.filter((q) => q.teamId === null || q.teamId === teamId),
    agents: snapshot.agents.filter((a) => a.teamId === teamId),
  };
}

/** Teams that have a board of their own in this snapshot. */
export function snapshotTeams(snapshot: BoardSnapshot): string[] {
  const teams = new Set<string>();
  for (const q of snapshot.queues) if (q.teamId) teams.add(q.teamId);
  for (const a of snapshot.agents) if (a.teamId) teams.add(a.teamId);
  return [...teams];
}
