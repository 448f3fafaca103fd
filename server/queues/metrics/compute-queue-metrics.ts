import type { AgentState } from '../../realtime/events';
import { countAgents, type AgentCounts } from './count-agents';
import {
  DEFAULT_SHORT_ABANDON_SECONDS,
  isAbandon,
  isWaiting,
  queuedAt,
  secondsBetween,
  type QueueCall,
  type QueueMetricsConfig,
} from './queue-call';
import { startOfLocalDay, startOfNextLocalDay } from './start-of-local-day';

export interface QueueMetrics {
  at: Date;
  /** Local midnight of the queue's zone: counters cover calls queued since then. */
  dayStartedAt: Date;
  /** Calls in the queue now, whenever they arrived (one waiting since 23:59 still waits). */
  waiting: number;
  /** Whole seconds the oldest waiting call has waited at `now`; 0 with nobody waiting. */
  longestWaitSeconds: number;
  /** Calls queued today, whatever became of them. */
  offered: number;
  answered: number;
  answeredWithinTarget: number;
  /** Callers who hung up while waiting, short abandons included (they are also in shortAbandons). */
  abandoned: number;
  /** Of `abandoned`, those who hung up within shortAbandonSeconds: left out of every rate. */
  shortAbandons: number;
  /** Ended unanswered without the caller hanging up in the queue (no agent answered, queue closed). */
  missed: number;
  /** 0–1, see computeQueueMetrics; null while no call of today has a known outcome. */
  serviceLevel: number | null;
  /** (abandoned − shortAbandons) ÷ (offered − shortAbandons − waiting); null when that is 0. */
  abandonRate: number | null;
  /** Mean seconds from queued to answered over today's answered calls; null with none. */
  averageSpeedOfAnswer: number | null;
  /** Mean seconds answered → ended, plus wrap-up where recorded, over today's ended answered calls. */
  averageHandleTime: number | null;
  agents: AgentCounts;
}

/**
 * A queue's live figures at `now`, from its calls (at least those queued since local midnight plus
 * those still waiting; older ones are ignored) and its agents' states.
 *
 * Service level convention — ICMI's (Cleveland, "Call Center Management on Fast Forward"): calls
 * answered within the threshold ÷ calls offered, with short abandons taken out of the offered count
 * (a caller who hangs up within 5 s never gave the queue a chance). Live, one more exclusion: a call
 * still waiting that has not yet reached the threshold has no outcome yet, so it is in neither part;
 * one waiting past the threshold has already failed and counts in the denominator.
 *   SL = answeredWithinTarget ÷ (offered − shortAbandons − waitingWithinTarget)
 * Answered at exactly the threshold counts as within it. Missed calls (ended unanswered, not
 * abandoned) and long abandons count against the level.
 */
export function computeQueueMetrics(
  config: QueueMetricsConfig,
  calls: Iterable<QueueCall>,
  agents: Iterable<AgentState>,
  now: Date,
): QueueMetrics {
  const threshold = config.serviceLevelSeconds;
  const shortLimit = config.shortAbandonSeconds ?? DEFAULT_SHORT_ABANDON_SECONDS;
  if (!Number.isFinite(threshold) || threshold < 0) throw new RangeError(`serviceLevelSeconds must be ≥ 0, got ${threshold}`);
  const dayStart = startOfLocalDay(now, config.timezone).getTime();
  const dayEnd = startOfNextLocalDay(now, config.timezone).getTime();

  let waiting = 0;
  let longestWait = 0;
  let offered = 0;
  let answered = 0;
  let answeredWithin = 0;
  let abandoned = 0;
  let shortAbandons = 0;
  let missed = 0;
  let waitingToday = 0;
  let waitingWithinTarget = 0;
  let speedTotal = 0;
  let handled = 0;
  let handleTotal = 0;

  for (const call of calls) {
    const queued = queuedAt(call);
    const waitingNow = isWaiting(call);
    if (waitingNow) {
      waiting += 1;
      longestWait = Math.max(longestWait, secondsBetween(queued, now));
    }
    const t = queued.getTime();
    if (t < dayStart || t >= dayEnd) continue;
    offered += 1;
    if (waitingNow) {
      waitingToday += 1;
      if (secondsBetween(queued, now) <= threshold) waitingWithinTarget += 1;
    } else if (call.answeredAt) {
      answered += 1;
      const speed = secondsBetween(queued, call.answeredAt);
      speedTotal += speed;
      if (speed <= threshold) answeredWithin += 1;
      if (call.endedAt) {
        handled += 1;
        handleTotal += secondsBetween(call.answeredAt, call.endedAt);
        if (call.wrappedUpAt) handleTotal += secondsBetween(call.endedAt, call.wrappedUpAt);
      }
    } else if (isAbandon(call)) {
      abandoned += 1;
      if (call.endedAt && secondsBetween(queued, call.endedAt) < shortLimit) shortAbandons += 1;
    } else if (call.state === 'missed') {
      missed += 1;
    }
  }

  const slBase = offered - shortAbandons - waitingWithinTarget;
  const decided = offered - shortAbandons - waitingToday;
  return {
    at: now,
    dayStartedAt: new Date(dayStart),
    waiting,
    longestWaitSeconds: Math.floor(longestWait),
    offered,
    answered,
    answeredWithinTarget: answeredWithin,
    abandoned,
    shortAbandons,
    missed,
    serviceLevel: slBase > 0 ? answeredWithin / slBase : null,
    abandonRate: decided > 0 ? (abandoned - shortAbandons) / decided : null,
    averageSpeedOfAnswer: answered > 0 ? speedTotal / answered : null,
    averageHandleTime: handled > 0 ? handleTotal / handled : null,
    agents: countAgents(agents),
  };
}
