import type { AgentState } from '../../realtime/events';

export interface AgentCounts {
  available: number;
  busy: number;
  wrapUp: number;
  away: number;
}

/** The snapshot's `agents`. Offline agents are not on the floor and count nowhere. */
export function countAgents(states: Iterable<AgentState>): AgentCounts {
  const counts: AgentCounts = { available: 0, busy: 0, wrapUp: 0, away: 0 };
  for (const state of states) {
    if (state === 'available') counts.available += 1;
    else if (state === 'busy') counts.busy += 1;
    else if (state === 'wrap_up') counts.wrapUp += 1;
    else if (state === 'away') counts.away += 1;
  }
  return counts;
}
