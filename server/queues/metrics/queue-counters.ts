import type { AgentState } from '../../realtime/events';
import { countAgents } from './count-agents';
import type { QueueMetrics } from './compute-queue-metrics';
import { DEFAULT_SHORT_ABANDON_SECONDS, secondsBetween, type QueueMetricsConfig } from './queue-call';
import { startOfLocalDay, startOfNextLocalDay } from './start-of-local-day';

/** Today's totals of a queue, kept per event instead of recounted from the calls. */
export interface QueueCounters {
  dayStartMs: number;
  dayEndMs: number;
  offered: number;
  answered: number;
  answeredWithinTarget: number;
  abandoned: number;
  shortAbandons: number;
  missed: number;
  speedTotalSeconds: number;
  handled: number;
  handleTotalSeconds: number;
}

/**
 * One step of one call. Every event carries the call's queuedAt: the day a call belongs to is the
 * day it was queued, as in computeQueueMetrics. The caller applies each step once (call state only
 * moves forward), e.g. from the call service's domain events.
 */
export type QueueCallEvent =
  | { type: 'queued'; queuedAt: Date }
  | { type: 'answered'; queuedAt: Date; at: Date }
  | { type: 'abandoned'; queuedAt: Date; at: Date }
  | { type: 'missed'; queuedAt: Date; at: Date }
  | { type: 'ended'; queuedAt: Date; answeredAt: Date; at: Date }
  | { type: 'wrapped_up'; queuedAt: Date; endedAt: Date; at: Date };

export function emptyQueueCounters(now: Date, timezone: string): QueueCounters {
  return {
    dayStartMs: startOfLocalDay(now, timezone).getTime(),
    dayEndMs: startOfNextLocalDay(now, timezone).getTime(),
    offered: 0,
    answered: 0,
    answeredWithinTarget: 0,
    abandoned: 0,
    shortAbandons: 0,
    missed: 0,
    speedTotalSeconds: 0,
    handled: 0,
    handleTotalSeconds: 0,
  };
}

/** The counters of the local day containing `now`: the same ones, or fresh after local midnight. */
export function rollQueueCounters(counters: QueueCounters, now: Date, timezone: string): QueueCounters {
  const t = now.getTime();
  return t >= counters.dayStartMs && t < counters.dayEndMs ? counters : emptyQueueCounters(now, timezone);
}

/** The counters after one event (a new object); events of calls queued on another day change nothing. */
export function applyQueueEvent(counters: QueueCounters, event: QueueCallEvent, config: QueueMetricsConfig): QueueCounters {
  const queued = event.queuedAt.getTime();
  if (queued < counters.dayStartMs || queued >= counters.dayEndMs) return counters;
  const next = { ...counters };
  switch (event.type) {
    case 'queued':
      next.offered += 1;
      break;
    case 'answered': {
      const speed = secondsBetween(event.queuedAt, event.at);
      next.answered += 1;
      next.speedTotalSeconds += speed;
      if (speed <= config.serviceLevelSeconds) next.answeredWithinTarget += 1;
      break;
    }
    case 'abandoned':
      next.abandoned += 1;
      if (secondsBetween(event.queuedAt, event.at) < (config.shortAbandonSeconds ?? DEFAULT_SHORT_ABANDON_SECONDS)) next.shortAbandons += 1;
      break;
    case 'missed':
      next.missed += 1;
      break;
    case 'ended':
      next.handled += 1;
      next.handleTotalSeconds += secondsBetween(event.answeredAt, event.at);
      break;
    case 'wrapped_up':
      next.handleTotalSeconds += secondsBetween(event.endedAt, event.at);
      break;
  }
  return next;
}

/**
 * The snapshot from counters plus what only the live queue knows: when each waiting call was queued.
 * Same conventions as computeQueueMetrics, which gives the same figures for the same calls.
 */
export function metricsFromCounters(
  counters: QueueCounters,
  waitingSince: readonly Date[],
  agents: Iterable<AgentState>,
  config: QueueMetricsConfig,
  now: Date,
): QueueMetrics {
  let longestWait = 0;
  let waitingToday = 0;
  let waitingWithinTarget = 0;
  for (const queued of waitingSince) {
    const wait = secondsBetween(queued, now);
    longestWait = Math.max(longestWait, wait);
    if (queued.getTime() >= counters.dayStartMs && queued.getTime() < counters.dayEndMs) {
      waitingToday += 1;
      if (wait <= config.serviceLevelSeconds) waitingWithinTarget += 1;
    }
  }
  const slBase = counters.offered - counters.shortAbandons - waitingWithinTarget;
  const decided = counters.offered - counters.shortAbandons - waitingToday;
  return {
    at: now,
    dayStartedAt: new Date(counters.dayStartMs),
    waiting: waitingSince.length,
    longestWaitSeconds: Math.floor(longestWait),
    offered: counters.offered,
    answered: counters.answered,
    answeredWithinTarget: counters.answeredWithinTarget,
    abandoned: counters.abandoned,
    shortAbandons: counters.shortAbandons,
    missed: counters.missed,
    serviceLevel: slBase > 0 ? counters.answeredWithinTarget / slBase : null,
    abandonRate: decided > 0 ? (counters.abandoned - counters.shortAbandons) / decided : null,
    averageSpeedOfAnswer: counters.answered > 0 ? counters.speedTotalSeconds / counters.answered : null,
    averageHandleTime: counters.handled > 0 ? counters.handleTotalSeconds / counters.handled : null,
    agents: countAgents(agents),
  };
}
