export interface WarningOptions {
  /** Warn once this share of the window has passed. */
  elapsedFraction?: number;
  /** …or this long before the deadline, whichever comes later. */
  leadSeconds?: number;
}

/**
 * When to warn the assignee that a deadline approaches: the later of "80 % of the window gone" and
 * "5 minutes before". On a long window (4 h) that is 5 min before — a warning hours ahead is noise;
 * on a short one (10 min) it is at 8 min, 2 min before — never before the window began.
 * `levelWindowSeconds` is the window that ends at `deadline` (respondWithin or resolveWithin).
 */
export function warningTime(deadline: Date, levelWindowSeconds: number, options: WarningOptions = {}): Date {
  const fraction = options.elapsedFraction ?? 0.8;
  const lead = options.leadSeconds ?? 300;
  if (!Number.isFinite(levelWindowSeconds) || levelWindowSeconds <= 0) {
    throw new RangeError(`levelWindowSeconds must be positive, got ${levelWindowSeconds}`);
  }
  if (!(fraction >= 0 && fraction <= 1)) throw new RangeError(`elapsedFraction must be within 0–1, got ${fraction}`);
  const end = deadline.getTime();
  const byFraction = end - (1 - fraction) * levelWindowSeconds * 1000;
  const byLead = end - lead * 1000;
  return new Date(Math.round(Math.max(byFraction, byLead)));
}
