import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bucketsFromFields, callContribution, countersFromFields, type StatsCallRow } from './call-contribution';
import { composeQueueSnapshot, WAITING_CALLS_LISTED, type AgentPresence } from './build-queue-snapshot';
import { computeQueueMetrics } from './metrics/compute-queue-metrics';
import { SnapshotEmitter } from './snapshot-emitter';
import type { Roster } from './queue-roster';
import type { BoardSnapshot } from './snapshot-types';
import type { WaitingCallSummary } from '../calls/call-viewers';

const at = (iso: string) => new Date(iso);
const plus = (d: Date, s: number) => new Date(d.getTime() + s * 1000);
const SHANGHAI = { serviceLevelSeconds: 20, timezone: 'Asia/Shanghai', teamId: null };
const NOW = at('2025-06-10T02:00:00Z'); // 10:00 in Shanghai, day began 2025-06-09T16:00Z
const DAY_START = at('2025-06-09T16:00:00Z').getTime();

let n = 0;
function row(fields: Partial<StatsCallRow> & { startedAt: Date }): StatsCallRow {
  n += 1;
  return { id: `call-${n}`, queueId: 'q1', state: 'ringing', queuedAt: null, answeredAt: null, endedAt: null, wrappedUpAt: null, ...fields };
}

/** Sums contributions as the Redis script does: the last contribution of each call wins. */
function sum(rows: StatsCallRow[]): Record<string, string> {
  const totals: Record<string, number> = {};
  for (const r of rows) {
    const c = callContribution(r, SHANGHAI);
    if (!c || c.dayStartMs !== DAY_START) continue;
    for (const [k, v] of Object.entries(c.fields)) totals[k] = (totals[k] ?? 0) + v;
  }
  return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, String(v)]));
}

describe('callContribution', () => {
  const queued = at('2025-06-10T01:00:00Z');

  it('counts a call once per step, in the day and quarter hour it was queued', () => {
    const ringing = callContribution(row({ startedAt: queued }), SHANGHAI)!;
    expect(ringing).toMatchObject({ dayStartMs: DAY_START, version: 0, waitingSince: queued.getTime(), fields: { offered: 1, q36o: 1 } });
    const answered = callContribution(row({ startedAt: queued, state: 'answered', answeredAt: plus(queued, 12) }), SHANGHAI)!;
    expect(answered).toMatchObject({ version: 1, waitingSince: null, fields: { offered: 1, answered: 1, answeredWithinTarget: 1, speedTotalMs: 12_000, q36a: 1 } });
    const done = callContribution(row({ startedAt: queued, state: 'completed', answeredAt: plus(queued, 30), endedAt: plus(queued, 130), wrappedUpAt: plus(queued, 190) }), SHANGHAI)!;
    expect(done.version).toBe(7);
    expect(done.fields).toMatchObject({ answered: 1, handled: 1, handleTotalMs: 160_000 });
    expect(done.fields.answeredWithinTarget).toBeUndefined();
  });

  it('tells short abandons from long ones, and missed from abandoned', () => {
    expect(callContribution(row({ startedAt: queued, state: 'abandoned', endedAt: plus(queued, 4.9) }), SHANGHAI)!.fields).toMatchObject({ abandoned: 1, shortAbandons: 1, q36x: 1 });
    expect(callContribution(row({ startedAt: queued, state: 'abandoned', endedAt: plus(queued, 5) }), SHANGHAI)!.fields.shortAbandons).toBeUndefined();
    expect(callContribution(row({ startedAt: queued, state: 'missed', endedAt: plus(queued, 30) }), SHANGHAI)!.fields).toEqual({ offered: 1, missed: 1, q36o: 1 });
  });

  it('puts a call queued before local midnight on yesterday, and ignores unrouted calls', () => {
    expect(callContribution(row({ startedAt: at('2025-06-09T15:59:59Z') }), SHANGHAI)!.dayStartMs).toBe(at('2025-06-08T16:00:00Z').getTime());
    expect(callContribution(row({ startedAt: queued, queueId: null }), SHANGHAI)).toBeNull();
  });

  it('a late answer that turns an abandon into completed has a higher version', () => {
    const abandoned = callContribution(row({ startedAt: queued, state: 'abandoned', endedAt: plus(queued, 40) }), SHANGHAI)!;
    const corrected = callContribution(row({ startedAt: queued, state: 'completed', answeredAt: plus(queued, 39), endedAt: plus(queued, 40) }), SHANGHAI)!;
    expect(corrected.version).toBeGreaterThan(abandoned.version);
    expect(corrected.fields.abandoned).toBeUndefined();
  });

  it('summed over a day, gives what computeQueueMetrics computes from the calls', () => {
    const rows = [
      row({ startedAt: at('2025-06-09T15:59:00Z'), state: 'completed', answeredAt: at('2025-06-09T15:59:02Z'), endedAt: at('2025-06-09T16:00:02Z') }),
      row({ startedAt: at('2025-06-09T16:30:00Z'), state: 'completed', answeredAt: at('2025-06-09T16:30:10Z'), endedAt: at('2025-06-09T16:35:10Z'), wrappedUpAt: at('2025-06-09T16:36:10Z') }),
      row({ startedAt: at('2025-06-09T17:00:00Z'), state: 'completed', answeredAt: at('2025-06-09T17:00:30Z'), endedAt: at('2025-06-09T17:02:30Z') }),
      row({ startedAt: at('2025-06-09T18:00:00Z'), state: 'abandoned', endedAt: at('2025-06-09T18:00:03Z') }),
      row({ startedAt: at('2025-06-09T18:10:00Z'), state: 'abandoned', endedAt: at('2025-06-09T18:10:40Z') }),
      row({ startedAt: at('2025-06-09T19:00:00Z'), state: 'missed', endedAt: at('2025-06-09T19:00:30Z') }),
      row({ startedAt: at('2025-06-09T20:00:00Z'), queuedAt: at('2025-06-09T20:00:05Z'), state: 'answered', answeredAt: at('2025-06-09T20:00:20Z') }),
      row({ startedAt: at('2025-06-10T01:59:50Z') }),
      row({ startedAt: at('2025-06-10T01:59:00Z') }),
    ];
    const fields = sum(rows);
    const fromCounters = composeQueueSnapshot(
      { queues: [{ id: 'q1', name: 'support', serviceLevelSeconds: 20, serviceLevelTarget: 0.8, timezone: 'Asia/Shanghai', teamId: null }], agents: [] },
      [{ fields, waiting: rows.filter((r) => r.state === 'ringing').map((r) => ({ callId: r.id, since: r.startedAt.getTime() })) }],
      new Map(),
      new Map(),
      NOW,
    ).queues[0]!;
    const direct = computeQueueMetrics(SHANGHAI, rows, [], NOW);
    expect(fromCounters).toMatchObject({
      offered: direct.offered,
      answered: direct.answered,
      abandoned: direct.abandoned,
      shortAbandons: direct.shortAbandons,
      missed: direct.missed,
      waiting: direct.waiting,
      longestWaitSeconds: direct.longestWaitSeconds,
      serviceLevel: direct.serviceLevel,
    });
    expect(fromCounters.averageHandleTime).toBeCloseTo(direct.averageHandleTime!, 1);
    expect(fromCounters.averageSpeedOfAnswer).toBeCloseTo(direct.averageSpeedOfAnswer!, 1);
    expect(countersFromFields(fields, DAY_START, DAY_START + 86_400_000).offered).toBe(8);
    const buckets = bucketsFromFields(fields, 96);
    expect(buckets.offered[2]).toBe(1); // 00:30 local
    expect(buckets.abandoned[8]).toBe(2); // 02:00 and 02:10 local, short and long abandon
    expect(buckets.offered.reduce((a, b) => a + b, 0)).toBe(8);
  });
});

describe('composeQueueSnapshot', () => {
  const roster: Roster = {
    queues: [
      { id: 'q1', name: 'sales', serviceLevelSeconds: 20, serviceLevelTarget: 0.8, timezone: 'UTC', teamId: null },
      { id: 'q2', name: 'support', serviceLevelSeconds: 30, serviceLevelTarget: 0.9, timezone: 'Asia/Shanghai', teamId: null },
    ],
    agents: [
      { id: 'a1', name: 'Member of sales', teamId: null, queueIds: ['q1'] },
      { id: 'a2', name: 'Generalist', teamId: null, queueIds: [] },
      { id: 'a3', name: 'Member of support', teamId: 't-east', queueIds: ['q2'] },
      { id: 'a4', name: 'Never signed in', teamId: null, queueIds: ['q1', 'q2'] },
    ],
  };
  const presence = new Map<string, AgentPresence>([
    ['a1', { state: 'busy', since: at('2025-06-10T01:58:00Z') }],
    ['a2', { state: 'available', since: at('2025-06-10T01:59:00Z') }],
    ['a3', { state: 'wrap_up', since: at('2025-06-10T01:59:30Z') }],
  ]);
  const summary: WaitingCallSummary = { from: '+8613800138000', customerName: 'Wang Fang', segment: 'gold' };
  const snapshot = composeQueueSnapshot(
    roster,
    [{ fields: {}, waiting: [{ callId: 'c1', since: at('2025-06-10T01:59:15Z').getTime() }, { callId: 'c2', since: at('2025-06-10T01:59:45Z').getTime() }] }, { fields: { offered: '1' }, waiting: [] }],
    presence,
    new Map([['c1', summary]]),
    NOW,
  );

  it('counts a queue’s members plus the generalists, and offline agents nowhere', () => {
    expect(snapshot.queues[0]!.agents).toEqual({ available: 1, busy: 1, wrapUp: 0, away: 0 });
    expect(snapshot.queues[1]!.agents).toEqual({ available: 1, busy: 0, wrapUp: 1, away: 0 });
    expect(snapshot.agents.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
    expect(snapshot.agents[0]).toEqual({ id: 'a1', name: 'Member of sales', teamId: null, state: 'busy', since: '2025-06-10T01:58:00.000Z', queues: ['sales'] });
  });

  it('lists waiting callers with what the pop knew, and their queue’s own day', () => {
    expect(snapshot.queues[0]).toMatchObject({ name: 'sales', waiting: 2, longestWaitSeconds: 45, serviceLevel: null, serviceLevelTarget: 0.8, dayStartedAt: '2025-06-10T00:00:00.000Z' });
    expect(snapshot.queues[0]!.waitingCalls).toEqual([
      { callId: 'c1', from: '+8613800138000', customerName: 'Wang Fang', segment: 'gold', since: '2025-06-10T01:59:15.000Z' },
      { callId: 'c2', from: null, customerName: null, segment: null, since: '2025-06-10T01:59:45.000Z' },
    ]);
    expect(snapshot.queues[1]).toMatchObject({ offered: 1, dayStartedAt: '2025-06-09T16:00:00.000Z' });
    expect(snapshot.queues[1]!.quarterHours.offered).toHaveLength(96);
  });

  it('lists the longest-waiting callers only, while counting every one', () => {
    const deep = Array.from({ length: WAITING_CALLS_LISTED + 50 }, (_, i) => ({ callId: `w${i}`, since: at('2025-06-10T01:00:00Z').getTime() + i * 1000 }));
    const s = composeQueueSnapshot(roster, [{ fields: {}, waiting: deep }, { fields: {}, waiting: [] }], presence, new Map(), NOW);
    expect(s.queues[0]!.waiting).toBe(WAITING_CALLS_LISTED + 50);
    expect(s.queues[0]!.longestWaitSeconds).toBe(3600);
    expect(s.queues[0]!.waitingCalls).toHaveLength(WAITING_CALLS_LISTED);
    expect(s.queues[0]!.waitingCalls[0]!.callId).toBe('w0');
    expect(s.queues[0]!.waitingCalls.at(-1)!.callId).toBe(`w${WAITING_CALLS_LISTED - 1}`);
  });
});

describe('SnapshotEmitter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const empty = (waiting = 0): BoardSnapshot => ({ at: new Date().toISOString(), queues: waiting ? [{ waiting } as BoardSnapshot['queues'][number]] : [], agents: [] });

  function emitter(waiting = 0) {
    const sent: number[] = [];
    let builds = 0;
    const e = new SnapshotEmitter(
      async () => {
        builds += 1;
        return empty(waiting);
      },
      () => sent.push(Date.now()),
      (err) => {
        throw err;
      },
      { minIntervalMs: 250, heartbeatMs: 1000 },
    );
    return { e, sent, builds: () => builds };
  }

  it('sends the first change at once and coalesces a burst to one snapshot per 250 ms', async () => {
    const { e, sent, builds } = emitter();
    const start = Date.now();
    e.changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([start]);
    for (let i = 0; i < 100; i++) {
      e.changed();
      await vi.advanceTimersByTimeAsync(10); // 100 changes over one second
    }
    await vi.advanceTimersByTimeAsync(300);
    expect(sent.length).toBeLessThanOrEqual(6);
    expect(sent.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < sent.length; i++) expect(sent[i]! - sent[i - 1]!).toBeGreaterThanOrEqual(250);
    expect(builds()).toBe(sent.length);
    // The last change (at +1000 ms) went out within 250 ms.
    expect(sent.at(-1)! - (start + 1000)).toBeLessThanOrEqual(250);
    await e.stop();
  });

  it('keeps sending once a second while a call waits, and stops when nothing does', async () => {
    const waiting = emitter(1);
    waiting.e.start();
    waiting.e.changed();
    await vi.advanceTimersByTimeAsync(3100);
    expect(waiting.sent.length).toBe(4);
    await waiting.e.stop();

    const idle = emitter(0);
    idle.e.start();
    idle.e.changed();
    await vi.advanceTimersByTimeAsync(3100);
    expect(idle.sent.length).toBe(1);
    await idle.e.stop();
  });

  it('sends nothing after stop', async () => {
    const { e, sent } = emitter();
    await e.stop();
    e.changed();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toEqual([]);
  });
});
