export interface LevelWindows {
  respondWithinSeconds: number;
  resolveWithinSeconds: number;
}

export interface LevelDeadlines {
  respondBy: Date;
  resolveBy: Date;
}

/**
 * Deadlines of a level entered at `startedAt` (creation, escalation or reopening). Both windows
 * run from the level's start in elapsed time, around the clock: escalation ladders promise
 * "within 4 hours", not "within 4 business hours".
 */
export function levelDeadlines(level: LevelWindows, startedAt: Date): LevelDeadlines {
  for (const [name, seconds] of [
    ['respondWithinSeconds', level.respondWithinSeconds],
    ['resolveWithinSeconds', level.resolveWithinSeconds],
  ] as const) {
    if (!Number.isFinite(seconds) || seconds <= 0) throw new RangeError(`${name} must be positive, got ${seconds}`);
  }
  const start = startedAt.getTime();
  if (Number.isNaN(start)) throw new RangeError('startedAt is not a valid date');
  return {
    respondBy: new Date(start + level.respondWithinSeconds * 1000),
    resolveBy: new Date(start + level.resolveWithinSeconds * 1000),
  };
}
