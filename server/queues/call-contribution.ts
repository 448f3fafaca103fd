import type { CallState } from '../realtime/events';
import { applyQueueEvent, emptyQueueCounters, type QueueCallEvent, type QueueCounters } from './metrics/queue-counters';
import type { QueueMetricsConfig } from './metrics/queue-call';

/** The columns of a call row that queue figures depend on. */
export interface StatsCallRow {
  id: string;
  queueId: string | null;
  state: CallState;
  startedAt: Date;
  queuedAt: Date | null;
  answeredAt: Date | null;
  endedAt: Date | null;
  wrappedUpAt: Date | null;
}

/**
 * What one call adds to its queue's figures of its local day, as integer counter fields (totals in
 * ms so Redis HINCRBY can add them). Stored per call and replaced whole when the call moves on, so
 * applying the same row twice, or an older row after a newer one, changes nothing.
 */
export interface CallContribution {
  queueId: string;
  /** Local midnight (ms) of the day the call was queued: which day's counters it belongs to. */
  dayStartMs: number;
  /** Only moves forward; an older contribution never replaces a newer one. */
  version: number;
  /** Queued-at ms while the call still waits for an answer, else null. */
  waitingSince: number | null;
  fields: Record<string, number>;
}

export const QUARTER_MS = 15 * 60 * 1000;

/** Counter field names of the quarter-hour chart: bucket index and o(ffered)/a(nswered)/x (abandoned). */
export const bucketField = (index: number, kind: 'o' | 'a' | 'x') => `q${index}${kind}`;

const COUNTER_FIELDS = ['offered', 'answered', 'answeredWithinTarget', 'abandoned', 'shortAbandons', 'missed', 'handled'] as const;

/** ringing < answered < missed | abandoned < completed (the one allowed correction), +4 once wrapped up. */
function versionOf(row: StatsCallRow): number {
  const rank: Record<CallState, number> = { ringing: 0, answered: 1, missed: 2, abandoned: 2, completed: 3 };
  return rank[row.state] + (row.wrappedUpAt ? 4 : 0);
}

/** The queue events a call row implies, in order: the same steps queue-counters.ts counts. */
export function queueEventsOf(row: StatsCallRow): QueueCallEvent[] {
  const queuedAt = row.queuedAt ?? row.startedAt;
  const events: QueueCallEvent[] = [{ type: 'queued', queuedAt }];
  if (row.answeredAt) events.push({ type: 'answered', queuedAt, at: row.answeredAt });
  if (row.state === 'abandoned' && !row.answeredAt && row.endedAt) events.push({ type: 'abandoned', queuedAt, at: row.endedAt });
  if (row.state === 'missed' && !row.answeredAt && row.endedAt) events.push({ type: 'missed', queuedAt, at: row.endedAt });
  if (row.answeredAt && row.endedAt) {
    events.push({ type: 'ended', queuedAt, answeredAt: row.answeredAt, at: row.endedAt });
    if (row.wrappedUpAt) events.push({ type: 'wrapped_up', queuedAt, endedAt: row.endedAt, at: row.wrappedUpAt });
  }
  return events;
}

/** Pure: the call's contribution, or null for a call not (yet) routed to a queue. */
export function callContribution(row: StatsCallRow, config: QueueMetricsConfig): CallContribution | null {
  if (!row.queueId) return null;
  const queuedAt = row.queuedAt ?? row.startedAt;
  const empty = emptyQueueCounters(queuedAt, config.timezone);
  const counters: QueueCounters = queueEventsOf(row).reduce((c, e) => applyQueueEvent(c, e, config), empty);
  const fields: Record<string, number> = {};
  for (const name of COUNTER_FIELDS) if (counters[name]) fields[name] = counters[name];
  if (counters.speedTotalSeconds) fields.speedTotalMs = Math.round(counters.speedTotalSeconds * 1000);
  if (counters.handleTotalSeconds) fields.handleTotalMs = Math.round(counters.handleTotalSeconds * 1000);
  const bucket = Math.floor((queuedAt.getTime() - empty.dayStartMs) / QUARTER_MS);
  fields[bucketField(bucket, 'o')] = 1;
  if (row.answeredAt) fields[bucketField(bucket, 'a')] = 1;
  else if (row.state === 'abandoned') fields[bucketField(bucket, 'x')] = 1;
  const waiting = row.state === 'ringing' && !row.answeredAt && !row.endedAt;
  return { queueId: row.queueId, dayStartMs: empty.dayStartMs, version: versionOf(row), waitingSince: waiting ? queuedAt.getTime() : null, fields };
}

/** Counters back from the stored fields (HGETALL of a day's hash). */
export function countersFromFields(fields: Record<string, string>, dayStartMs: number, dayEndMs: number): QueueCounters {
  const n = (k: string) => Number(fields[k] ?? 0);
  return {
    dayStartMs,
    dayEndMs,
    offered: n('offered'),
    answered: n('answered'),
    answeredWithinTarget: n('answeredWithinTarget'),
    abandoned: n('abandoned'),
    shortAbandons: n('shortAbandons'),
    missed: n('missed'),
    speedTotalSeconds: n('speedTotalMs') / 1000,
    handled: n('handled'),
    handleTotalSeconds: n('handleTotalMs') / 1000,
  };
}

/** The quarter-hour chart arrays from the stored fields. */
export function bucketsFromFields(fields: Record<string, string>, count: number): { offered: number[]; answered: number[]; abandoned: number[] } {
  const series = (kind: 'o' | 'a' | 'x') => Array.from({ length: count }, (_, i) => Number(fields[bucketField(i, kind)] ?? 0));
  return { offered: series('o'), answered: series('a'), abandoned: series('x') };
}
