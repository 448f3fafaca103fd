export interface NumberedLevel {
  level: number;
}

/**
 * The policy level that governs a complaint at `level`: that level, or — when an admin has since
 * removed it from the policy — the highest one below it, else the lowest. null for an empty policy.
 */
export function levelFor<L extends NumberedLevel>(levels: readonly L[], level: number): L | null {
  let below: L | null = null;
  let lowest: L | null = null;
  for (const candidate of levels) {
    if (candidate.level === level) return candidate;
    if (candidate.level < level && (below === null || candidate.level > below.level)) below = candidate;
    if (lowest === null || candidate.level < lowest.level) lowest = candidate;
  }
  return below ?? lowest;
}

/** The first level of a policy (the lowest number). */
export function firstLevel<L extends NumberedLevel>(levels: readonly L[]): L | null {
  return levels.reduce<L | null>((best, l) => (best === null || l.level < best.level ? l : best), null);
}
