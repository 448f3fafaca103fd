export interface AssignmentCandidate {
  userId: string;
  /** Complaints open in their name now. */
  openCount: number;
  /** Their last assignment; null = never assigned. */
  lastAssignedAt: Date | null;
}

/**
 * Who gets the complaint: fewest open complaints; then the one who waited longest since their last
 * assignment (never assigned first), which rotates work round a team with equal loads; then the
 * smallest userId, so the same input always picks the same person. null for no candidates.
 */
export function pickLeastLoaded<C extends AssignmentCandidate>(candidates: readonly C[]): C | null {
  let best: C | null = null;
  for (const candidate of candidates) {
    if (best === null || compare(candidate, best) < 0) best = candidate;
  }
  return best;
}

function compare(a: AssignmentCandidate, b: AssignmentCandidate): number {
  if (a.openCount !== b.openCount) return a.openCount - b.openCount;
  const aLast = a.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const bLast = b.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (aLast !== bLast) return aLast < bLast ? -1 : 1;
  return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
}
