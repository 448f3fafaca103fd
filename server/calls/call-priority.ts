import type { Segment } from '../realtime/events';

// A gold caller in a queue that lets them go first waits as if they had called 10 minutes earlier.
const GOLD_HEAD_START_MS = 10 * 60 * 1000;

/** Waiting-line score: lower is served first. Pure. */
export function callPriority(queuedAt: Date, segment: Segment | null, prioritiseGold: boolean): number {
  return queuedAt.getTime() - (prioritiseGold && segment === 'gold' ? GOLD_HEAD_START_MS : 0);
}
