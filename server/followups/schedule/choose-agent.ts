export interface AgentCandidate {
  id: string;
  /** When the agent became available (ms): the longest idle has the smallest value. */
  availableSince: number;
}

/**
 * Who among the available agents gets a due follow-up: the one holding the fewest follow-ups
 * already offered and not yet finished, then the longest idle, then by id so the choice is stable.
 * A floor of idle agents thus shares a burst of follow-ups instead of one agent getting them all.
 */
export function chooseAgent(candidates: AgentCandidate[], openOffers: ReadonlyMap<string, number>): string | null {
  let best: AgentCandidate | null = null;
  let bestLoad = Infinity;
  for (const c of candidates) {
    const load = openOffers.get(c.id) ?? 0;
    const better =
      best === null ||
      load < bestLoad ||
      (load === bestLoad && (c.availableSince < best.availableSince || (c.availableSince === best.availableSince && c.id < best.id)));
    if (better) {
      best = c;
      bestLoad = load;
    }
  }
  return best?.id ?? null;
}
