import type { Cuts } from './customer-value-types';

/**
 * Quintile cut points of `values` (higher = better), sorted in place, in O(n log n).
 *
 * Ties: a run of equal values scores by its mid-rank, 1 + ⌊5 × (below + equal/2) ÷ n⌋, so equal
 * values always share a score, and the share does not depend on input order. Mid-rank rather than
 * lowest or highest rank keeps a crowd of equals in the middle: when everyone bought once they are
 * all 3, neither all 1 nor all 5. Five distinct values score 1, 2, 3, 4, 5.
 * cuts[k] is the smallest value scoring k + 2 (null if none does): a value then scores
 * 1 + the number of cuts ≤ it, which is how `scoreOne` rescores a single customer later.
 */
export function quintileCuts(values: Float64Array): Cuts {
  const cuts: Cuts = [null, null, null, null];
  const n = values.length;
  values.sort();
  let i = 0;
  while (i < n) {
    const v = values[i] as number;
    let j = i + 1;
    while (j < n && values[j] === v) j += 1;
    // (i + j) / 2 = below + equal/2; integer arithmetic keeps the boundaries exact.
    const score = Math.min(5, 1 + Math.floor((5 * (i + j)) / (2 * n)));
    for (let s = 2; s <= score; s += 1) {
      if (cuts[s - 2] === null) cuts[s - 2] = v;
    }
    i = j;
  }
  return cuts;
}

/** 1 + the number of cuts at or below `value` (higher = better). */
export function scoreAgainst(value: number, cuts: Cuts): number {
  let score = 1;
  for (const cut of cuts) if (cut !== null && value >= cut) score += 1;
  return score;
}
