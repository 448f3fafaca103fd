import { describe, expect, it } from 'vitest';
import { scopeSnapshot, snapshotTeams } from '../../server/queues/scope-snapshot';
import type { BoardSnapshot } from '../../server/queues/snapshot-types';

const queue = (name: string, teamId: string | null) => ({ name, teamId }) as unknown as BoardSnapshot['queues'][number];
const agent = (id: string, teamId: string | null) => ({ id, teamId }) as unknown as BoardSnapshot['agents'][number];
const snapshot: BoardSnapshot = {
  at: '2026-12-02T09:00:00.000Z',
  queues: [queue('north-sales', 'north'), queue('east-sales', 'east'), queue('default', null)],
  agents: [agent('n1', 'north'), agent('e1', 'east'), agent('x', null)],
};

describe('team-scoped queue snapshots', () => {
  it("shows a team's supervisor their team's queues, queues of no team, and their team's agents", () => {
    const north = scopeSnapshot(snapshot, 'north');
    expect(north.queues.map((q) => q.name)).toEqual(['north-sales', 'default']);
    expect(north.agents.map((a) => a.id)).toEqual(['n1']);
  });

  it('shows everything to a supervisor or admin without a team', () => {
    expect(scopeSnapshot(snapshot, null)).toBe(snapshot);
  });

  it('lists the teams that get a board of their own', () => {
    expect(snapshotTeams(snapshot).sort()).toEqual(['east', 'north']);
  });
});
