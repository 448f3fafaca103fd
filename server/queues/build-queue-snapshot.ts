import type { Redis } from 'ioredis';
import type { AgentState } from '../realtime/events';
import type { PopCache, WaitingCallSummary } from '../calls/call-viewers';
import { metricsFromCounters } from './metrics/queue-counters';
import { startOfLocalDay, startOfNextLocalDay } from './metrics/start-of-local-day';
import { bucketsFromFields, countersFromFields, QUARTER_MS } from './call-contribution';
import type { QueueStatsStore, StoredQueueDay } from './queue-stats-store';
import type { Roster } from './queue-roster';
import type { BoardAgentEntry, BoardQueueEntry, BoardSnapshot, WaitingCallEntry } from './snapshot-types';

export interface AgentPresence {
  state: AgentState;
  since: Date;
}

const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/**
 * Waiting calls listed per queue, longest waiting first. `waiting` and the longest wait still count
 * every one; the list stops here so a queue hundreds deep does not make every snapshot (4 a second,
 * to every supervisor) that much heavier.
 */
export const WAITING_CALLS_LISTED = 100;

/**
 * Pure: the snapshot from the roster, each queue's stored day (same order as roster.queues), the
 * agents' states and the cached pops of waiting calls. Agents of a queue are its members plus the
 * generalists (no memberships), as routing has it. `days[i].waiting` is oldest first.
 */
export function composeQueueSnapshot(
  roster: Roster,
  days: StoredQueueDay[],
  presence: ReadonlyMap<string, AgentPresence>,
  summaries: ReadonlyMap<string, WaitingCallSummary>,
  now: Date,
): BoardSnapshot {
  const stateOf = (id: string): AgentState => presence.get(id)?.state ?? 'offline';
  const generalists = roster.agents.filter((a) => a.queueIds.length === 0).map((a) => a.id);
  const queues: BoardQueueEntry[] = roster.queues.map((queue, i) => {
    const day = days[i] ?? { fields: {}, waiting: [] };
    const dayStart = startOfLocalDay(now, queue.timezone).getTime();
    const dayEnd = startOfNextLocalDay(now, queue.timezone).getTime();
    const config = { serviceLevelSeconds: queue.serviceLevelSeconds, timezone: queue.timezone };
    const members = roster.agents.filter((a) => a.queueIds.includes(queue.id)).map((a) => a.id);
    const m = metricsFromCounters(
      countersFromFields(day.fields, dayStart, dayEnd),
      day.waiting.map((w) => new Date(w.since)),
      [...members, ...generalists].map(stateOf),
      config,
      now,
    );
    const waitingCalls: WaitingCallEntry[] = day.waiting.slice(0, WAITING_CALLS_LISTED).map((w) => {
      const s = summaries.get(w.callId);
      return { callId: w.callId, from: s?.from ?? null, customerName: s?.customerName ?? null, segment: s?.segment ?? null, since: new Date(w.since).toISOString() };
    });
    return {
      name: queue.name,
      waiting: m.waiting,
      longestWaitSeconds: m.longestWaitSeconds,
      agents: m.agents,
      offered: m.offered,
      answered: m.answered,
      abandoned: m.abandoned,
      serviceLevel: m.serviceLevel,
      id: queue.id,
      teamId: queue.teamId,
      shortAbandons: m.shortAbandons,
      missed: m.missed,
      abandonRate: m.abandonRate,
      averageSpeedOfAnswer: oneDecimal(m.averageSpeedOfAnswer),
      averageHandleTime: oneDecimal(m.averageHandleTime),
      serviceLevelSeconds: queue.serviceLevelSeconds,
      serviceLevelTarget: queue.serviceLevelTarget,
      timezone: queue.timezone,
      dayStartedAt: new Date(dayStart).toISOString(),
      waitingCalls,
      quarterHours: { start: new Date(dayStart).toISOString(), ...bucketsFromFields(day.fields, Math.round((dayEnd - dayStart) / QUARTER_MS)) },
    };
  });
  const queueName = new Map(roster.queues.map((q) => [q.id, q.name]));
  const agents: BoardAgentEntry[] = roster.agents
    .filter((a) => stateOf(a.id) !== 'offline')
    .map((a) => ({
      id: a.id,
      name: a.name,
      teamId: a.teamId,
      state: stateOf(a.id),
      since: (presence.get(a.id)?.since ?? now).toISOString(),
      queues: a.queueIds.map((id) => queueName.get(id)).filter((n): n is string => n !== undefined),
    }));
  return { at: now.toISOString(), queues, agents };
}

export interface SnapshotSources {
  redis: Redis;
  prefix: string;
  store: QueueStatsStore;
  pops: PopCache;
  roster(): Promise<Roster>;
}

/** Reads what the snapshot needs: the roster (cached), then one Redis pipeline, then the listed waiting calls' pop summaries. */
export async function buildQueueSnapshot(src: SnapshotSources, now = new Date()): Promise<BoardSnapshot> {
  const roster = await src.roster();
  const pipeline = src.redis.pipeline();
  for (const a of roster.agents) pipeline.hmget(`${src.prefix}:agent:${a.id}`, 'state', 'since');
  const [days, states] = await Promise.all([
    src.store.read(roster.queues.map((q) => ({ queueId: q.id, dayStartMs: startOfLocalDay(now, q.timezone).getTime() }))),
    roster.agents.length ? pipeline.exec() : Promise.resolve([]),
  ]);
  const presence = new Map<string, AgentPresence>();
  roster.agents.forEach((a, i) => {
    const [err, value] = states?.[i] ?? [null, null];
    if (err) throw err;
    const [state, since] = (value as [string | null, string | null] | null) ?? [null, null];
    if (state) presence.set(a.id, { state: state as AgentState, since: new Date(Number(since ?? now.getTime())) });
  });
  const listed = days.flatMap((d) => d.waiting.slice(0, WAITING_CALLS_LISTED).map((w) => w.callId));
  return composeQueueSnapshot(roster, days, presence, await src.pops.summaries(listed), now);
}
