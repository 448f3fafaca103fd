import { describe, expect, it } from 'vitest';
import { callsPerQuarterHour } from '../../server/queues/metrics/calls-per-quarter-hour';
import { computeQueueMetrics } from '../../server/queues/metrics/compute-queue-metrics';
import { countAgents } from '../../server/queues/metrics/count-agents';
import {
  applyQueueEvent,
  emptyQueueCounters,
  metricsFromCounters,
  rollQueueCounters,
  type QueueCallEvent,
} from '../../server/queues/metrics/queue-counters';
import type { QueueCall } from '../../server/queues/metrics/queue-call';
import { startOfLocalDay, startOfNextLocalDay } from '../../server/queues/metrics/start-of-local-day';

const at = (iso: string) => new Date(iso);
const plus = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

const SHANGHAI = { serviceLevelSeconds: 20, timezone: 'Asia/Shanghai' };
// 10:00 in Shanghai; the local day began at 2025-06-09T16:00Z.
const NOW = at('2025-06-10T02:00:00Z');

function answered(queued: string, speed: number, talk?: number, wrap?: number): QueueCall {
  const queuedAt = at(queued);
  const answeredAt = plus(queuedAt, speed);
  const endedAt = talk === undefined ? null : plus(answeredAt, talk);
  return {
    startedAt: queuedAt,
    answeredAt,
    endedAt,
    wrappedUpAt: endedAt && wrap !== undefined ? plus(endedAt, wrap) : null,
    state: endedAt ? 'completed' : 'answered',
  };
}
const abandoned = (queued: string, after: number): QueueCall => ({ startedAt: at(queued), endedAt: plus(at(queued), after), state: 'abandoned' });
const waiting = (queued: string): QueueCall => ({ startedAt: at(queued), state: 'ringing' });

const DAY: QueueCall[] = [
  answered('2025-06-09T15:59:00Z', 2, 60), // yesterday in Shanghai: ignored
  answered('2025-06-09T16:30:00Z', 10, 300, 60), // within target, handle 360
  answered('2025-06-09T17:00:00Z', 30, 120), // late, handle 120
  abandoned('2025-06-09T18:00:00Z', 3), // short abandon
  abandoned('2025-06-09T18:10:00Z', 40),
  { startedAt: at('2025-06-09T19:00:00Z'), endedAt: at('2025-06-09T19:00:30Z'), state: 'missed' },
  waiting('2025-06-10T01:59:50Z'), // 10 s: no outcome yet
  waiting('2025-06-10T01:59:00Z'), // 60 s: past the target already
  waiting('2025-06-09T15:58:00Z'), // since yesterday: waiting, not offered today
  answered('2025-06-10T01:00:00Z', 5), // still talking
];

describe('startOfLocalDay', () => {
  it('resets at the queue’s midnight, not UTC’s', () => {
    expect(startOfLocalDay(at('2025-06-10T15:59:59Z'), 'Asia/Shanghai')).toEqual(at('2025-06-09T16:00:00Z'));
    expect(startOfLocalDay(at('2025-06-10T16:00:00Z'), 'Asia/Shanghai')).toEqual(at('2025-06-10T16:00:00Z'));
    expect(startOfLocalDay(at('2025-06-10T16:00:00Z'), 'UTC')).toEqual(at('2025-06-10T00:00:00Z'));
  });

  it('knows 23- and 25-hour days', () => {
    const spring = at('2025-03-09T12:00:00Z');
    expect(startOfLocalDay(spring, 'America/New_York')).toEqual(at('2025-03-09T05:00:00Z'));
    expect(startOfNextLocalDay(spring, 'America/New_York')).toEqual(at('2025-03-10T04:00:00Z'));
    const autumn = at('2025-11-02T12:00:00Z');
    expect(startOfNextLocalDay(autumn, 'America/New_York').getTime() - startOfLocalDay(autumn, 'America/New_York').getTime()).toBe(25 * 3600_000);
  });

  it('rejects an unknown zone', () => {
    expect(() => startOfLocalDay(NOW, 'Nowhere/Town')).toThrow('unknown time zone');
  });

  it('answers each instant by its own day, whatever was asked before (the last day per zone is remembered)', () => {
    const zone = 'Asia/Shanghai';
    const days = ['2025-06-10T15:59:59.999Z', '2025-06-10T16:00:00Z', '2025-06-09T16:00:00Z', '2025-06-11T15:59:59Z', '2025-06-10T15:59:59.999Z'];
    const expected = ['2025-06-09T16:00:00Z', '2025-06-10T16:00:00Z', '2025-06-09T16:00:00Z', '2025-06-10T16:00:00Z', '2025-06-09T16:00:00Z'];
    expect(days.map((d) => startOfLocalDay(at(d), zone).toISOString())).toEqual(expected.map((e) => at(e).toISOString()));
    expect(startOfNextLocalDay(at('2025-06-10T16:00:00Z'), zone)).toEqual(at('2025-06-11T16:00:00Z'));
    expect(startOfNextLocalDay(at('2025-06-10T15:00:00Z'), zone)).toEqual(at('2025-06-10T16:00:00Z'));
    // The same instant in another zone is that zone's day, not the remembered one.
    expect(startOfLocalDay(at('2025-06-10T15:00:00Z'), 'UTC')).toEqual(at('2025-06-10T00:00:00Z'));
  });
});

describe('computeQueueMetrics', () => {
  const agents = ['available', 'available', 'busy', 'wrap_up', 'away', 'offline'] as const;
  const metrics = computeQueueMetrics(SHANGHAI, DAY, agents, NOW);

  it('counts today’s calls by outcome', () => {
    expect(metrics).toMatchObject({
      dayStartedAt: at('2025-06-09T16:00:00Z'),
      offered: 8,
      answered: 3,
      answeredWithinTarget: 2,
      abandoned: 2,
      shortAbandons: 1,
      missed: 1,
    });
  });

  it('counts every waiting call, yesterday’s included, and the longest wait', () => {
    expect(metrics.waiting).toBe(3);
    expect(metrics.longestWaitSeconds).toBe(10 * 3600 + 2 * 60);
  });

  it('computes the service level without short abandons and undecided calls', () => {
    // 2 within target ÷ (8 offered − 1 short − 1 still waiting under 20 s).
    expect(metrics.serviceLevel).toBeCloseTo(2 / 6, 10);
    // (2 abandoned − 1 short) ÷ (8 − 1 short − 2 waiting).
    expect(metrics.abandonRate).toBeCloseTo(1 / 5, 10);
  });

  it('averages speed of answer and handle time (talk + wrap-up)', () => {
    expect(metrics.averageSpeedOfAnswer).toBe((10 + 30 + 5) / 3);
    expect(metrics.averageHandleTime).toBe((360 + 120) / 2);
  });

  it('counts agents by state, leaving offline ones out', () => {
    expect(metrics.agents).toEqual({ available: 2, busy: 1, wrapUp: 1, away: 1 });
    expect(countAgents([])).toEqual({ available: 0, busy: 0, wrapUp: 0, away: 0 });
  });

  it('starts from zero at the queue’s local midnight', () => {
    const justAfterMidnight = at('2025-06-10T16:00:01Z');
    const next = computeQueueMetrics(SHANGHAI, DAY, [], justAfterMidnight);
    expect(next).toMatchObject({ offered: 0, answered: 0, abandoned: 0, serviceLevel: null, averageSpeedOfAnswer: null });
    // The calls still waiting carry over.
    expect(next.waiting).toBe(3);
    // The same instant in a UTC queue is still 10 June: its three calls of the day stay.
    expect(computeQueueMetrics({ ...SHANGHAI, timezone: 'UTC' }, DAY, [], justAfterMidnight).offered).toBe(3);
  });

  it('has nulls and zeros for an empty day', () => {
    expect(computeQueueMetrics(SHANGHAI, [], [], NOW)).toMatchObject({
      waiting: 0,
      longestWaitSeconds: 0,
      offered: 0,
      serviceLevel: null,
      abandonRate: null,
      averageSpeedOfAnswer: null,
      averageHandleTime: null,
    });
  });

  it('leaves the service level null while the only call is still within target', () => {
    const m = computeQueueMetrics(SHANGHAI, [waiting('2025-06-10T01:59:55Z')], [], NOW);
    expect(m.offered).toBe(1);
    expect(m.serviceLevel).toBeNull();
    const late = computeQueueMetrics(SHANGHAI, [waiting('2025-06-10T01:59:30Z')], [], NOW);
    expect(late.serviceLevel).toBe(0);
  });

  it('counts an answer at exactly the threshold as within, an abandon at exactly 5 s as not short', () => {
    const m = computeQueueMetrics(SHANGHAI, [answered('2025-06-10T01:00:00Z', 20), abandoned('2025-06-10T01:10:00Z', 5)], [], NOW);
    expect(m.answeredWithinTarget).toBe(1);
    expect(m.shortAbandons).toBe(0);
    expect(m.serviceLevel).toBe(1 / 2);
  });

  it('uses queuedAt over startedAt, and a configurable short-abandon limit', () => {
    const ivr: QueueCall = {
      startedAt: at('2025-06-10T01:00:00Z'),
      queuedAt: at('2025-06-10T01:00:50Z'),
      answeredAt: at('2025-06-10T01:01:00Z'),
      state: 'answered',
    };
    const m = computeQueueMetrics({ ...SHANGHAI, shortAbandonSeconds: 10 }, [ivr, abandoned('2025-06-10T01:10:00Z', 8)], [], NOW);
    expect(m.averageSpeedOfAnswer).toBe(10);
    expect(m.answeredWithinTarget).toBe(1);
    expect(m.shortAbandons).toBe(1);
    expect(m.serviceLevel).toBe(1);
  });
});

describe('callsPerQuarterHour', () => {
  it('buckets today’s calls in the queue’s local quarter hours', () => {
    const buckets = callsPerQuarterHour(DAY, 'Asia/Shanghai', NOW);
    expect(buckets).toHaveLength(96);
    expect(buckets[0]).toMatchObject({ start: at('2025-06-09T16:00:00Z'), label: '00:00' });
    expect(buckets[95]?.label).toBe('23:45');
    // 16:30Z = 00:30 local.
    expect(buckets[2]).toMatchObject({ label: '00:30', offered: 1, answered: 1, abandoned: 0 });
    // 18:00Z and 18:10Z = 02:00 and 02:10 local, one short and one long abandon.
    expect(buckets[8]).toMatchObject({ label: '02:00', offered: 2, abandoned: 2 });
    expect(buckets.reduce((sum, b) => sum + b.offered, 0)).toBe(8);
  });

  it('has 92 buckets on a spring-forward day and 100 on a fall-back day', () => {
    const spring = callsPerQuarterHour([], 'America/New_York', at('2025-03-09T12:00:00Z'));
    expect(spring).toHaveLength(92);
    expect(spring.map((b) => b.label).slice(7, 9)).toEqual(['01:45', '03:00']);
    const autumn = callsPerQuarterHour([], 'America/New_York', at('2025-11-02T12:00:00Z'));
    expect(autumn).toHaveLength(100);
    expect(autumn.filter((b) => b.label === '01:00')).toHaveLength(2);
    expect(callsPerQuarterHour([], 'Europe/London', at('2025-03-30T12:00:00Z'))).toHaveLength(92);
  });
});

/** The events a call's life produced, in order. */
function eventsOf(call: QueueCall): QueueCallEvent[] {
  const queuedAt = call.queuedAt ?? call.startedAt;
  const events: QueueCallEvent[] = [{ type: 'queued', queuedAt }];
  if (call.answeredAt) {
    events.push({ type: 'answered', queuedAt, at: call.answeredAt });
    if (call.endedAt) events.push({ type: 'ended', queuedAt, answeredAt: call.answeredAt, at: call.endedAt });
    if (call.endedAt && call.wrappedUpAt) events.push({ type: 'wrapped_up', queuedAt, endedAt: call.endedAt, at: call.wrappedUpAt });
  } else if (call.state === 'abandoned' && call.endedAt) {
    events.push({ type: 'abandoned', queuedAt, at: call.endedAt });
  } else if (call.state === 'missed' && call.endedAt) {
    events.push({ type: 'missed', queuedAt, at: call.endedAt });
  }
  return events;
}

describe('queue counters (incremental form)', () => {
  it('gives the same snapshot as recounting the calls', () => {
    let counters = emptyQueueCounters(NOW, SHANGHAI.timezone);
    for (const call of DAY) for (const event of eventsOf(call)) counters = applyQueueEvent(counters, event, SHANGHAI);
    const waitingSince = DAY.filter((c) => c.state === 'ringing').map((c) => c.startedAt);
    const agents = ['available', 'busy'] as const;
    expect(metricsFromCounters(counters, waitingSince, agents, SHANGHAI, NOW)).toEqual(computeQueueMetrics(SHANGHAI, DAY, agents, NOW));
  });

  it('does not change the counters it is given', () => {
    const counters = emptyQueueCounters(NOW, SHANGHAI.timezone);
    const next = applyQueueEvent(counters, { type: 'queued', queuedAt: NOW }, SHANGHAI);
    expect(counters.offered).toBe(0);
    expect(next.offered).toBe(1);
  });

  it('rolls over at local midnight and ignores calls of another day', () => {
    const counters = applyQueueEvent(emptyQueueCounters(NOW, SHANGHAI.timezone), { type: 'queued', queuedAt: NOW }, SHANGHAI);
    expect(rollQueueCounters(counters, at('2025-06-10T15:59:59Z'), SHANGHAI.timezone)).toBe(counters);
    const tomorrow = rollQueueCounters(counters, at('2025-06-10T16:00:00Z'), SHANGHAI.timezone);
    expect(tomorrow).toMatchObject({ offered: 0, dayStartMs: at('2025-06-10T16:00:00Z').getTime() });
    // Yesterday's call answered after midnight does not count today.
    const late = applyQueueEvent(tomorrow, { type: 'answered', queuedAt: NOW, at: at('2025-06-10T16:00:05Z') }, SHANGHAI);
    expect(late).toBe(tomorrow);
  });
});
