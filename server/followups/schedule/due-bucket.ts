/** How long after its due time an open follow-up still counts as "due" rather than "overdue". */
export const OVERDUE_AFTER_MS = 15 * 60_000;

export type DueBucket = 'upcoming' | 'due' | 'overdue';

/** Where an open follow-up sits on "my follow-ups" at `now`: not yet due, due, or overdue. */
export function dueBucket(dueAt: Date, now: Date, overdueAfterMs = OVERDUE_AFTER_MS): DueBucket {
  const late = now.getTime() - dueAt.getTime();
  if (late < 0) return 'upcoming';
  return late < overdueAfterMs ? 'due' : 'overdue';
}
