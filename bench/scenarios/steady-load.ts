import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { summarise, type LatencySummary } from '../lib/stats';
import type { BenchAgents } from '../lib/agents';
import { cpuSeconds, loadAverage } from '../lib/proc-stats';
import { answerAndHangUp, benchCallSid, hangUpUnanswered, ringAndAnswer } from '../lib/twilio-call';

export interface SteadyLoadResult {
  rate: number;
  durationSeconds: number;
  calls: number;
  webhooks: number;
  /** Webhooks sent per second of the run, from the first ring to the last answer. */
  webhooksPerSecond: number;
  /** Non-200 answers and failed requests. */
  errors: number;
  /** Calls that never popped (no agent became free in time); hung up at the end. */
  unpopped: number;
  webhookToPopMs: LatencySummary;
  /**
   * Calls whose voice answer dialled an agent at once: the pop path itself. The others found all
   * agents busy (20 agents turning over a call each 200 ms at 100 calls/s) and waited in the queue,
   * so their webhook→pop includes that wait.
   */
  offeredAtOnce: { calls: number; webhookToPopMs: LatencySummary };
  /** Calls held in the queue because no agent was free when they rang. */
  queuedForAnAgent: number;
  /** The raw webhook→pop samples (ms), only with `keepSamples` (to pool slices). */
  samples?: number[];
  /** CPU the server process(es) used, in % of one core, over the run. */
  serverCpuPercent: number | null;
  loadAverage1m: { before: number; after: number };
}

export interface SteadyLoadOptions {
  /** Server pids whose CPU is reported. */
  serverPids?: number[];
  /** Where the status callbacks go (defaults to serverUrl). */
  statusUrl?: string;
  /** Longest wait for the last pops after the last ring. */
  drainSeconds?: number;
  keepSamples?: boolean;
}

const DIALLED = '+15005550006';

/** Waits (at most 30 s) until the servers finish what an earlier run left them: under 15 % CPU over half a second. */
async function quiesce(pids: number[]): Promise<void> {
  for (const until = performance.now() + 30_000; pids.length && performance.now() < until;) {
    const a = await Promise.all(pids.map(cpuSeconds));
    await sleep(500);
    const b = await Promise.all(pids.map(cpuSeconds));
    if (b.reduce((x, y) => x + y, 0) - a.reduce((x, y) => x + y, 0) < 0.075) return;
  }
}

/**
 * Open-loop load: a new call every 1/rate s regardless of how the server keeps up (so a slow
 * server shows as latency, not as a politely lower rate). Each call is Twilio's full sequence:
 * voice webhook → (pop measured at the agent's socket) → child leg in-progress → child completed
 * → call completed. Bounded: `rate × durationSeconds` calls, then at most `drainSeconds` of drain.
 */
export async function steadyLoad(serverUrl: string, agents: BenchAgents, callers: string[], rate: number, durationSeconds: number, opts: SteadyLoadOptions = {}): Promise<SteadyLoadResult> {
  const statusUrl = opts.statusUrl ?? serverUrl;
  const pending = new Map<string, { sentAt: number; from: string }>();
  const latencies: number[] = [];
  const byCall = new Map<string, number>();
  const dialledAtOnce = new Set<string>();
  let queued = 0;
  let errors = 0;
  let webhooks = 0;
  const inflight = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
  };
  const count = (codes: number[]) => {
    webhooks += codes.length;
    errors += codes.filter((c) => c !== 200).length;
  };

  // Every pop is answered and hung up, also a late one of an earlier run, so no agent stays busy.
  const off = agents.onPop((pop, agentIndex) => {
    const started = pending.get(pop.providerCallId);
    if (started) {
      pending.delete(pop.providerCallId);
      latencies.push(performance.now() - started.sentAt);
      byCall.set(pop.providerCallId, performance.now() - started.sentAt);
    }
    track(answerAndHangUp(statusUrl, pop.providerCallId, pop.from, DIALLED, `agent-${agents.ids[agentIndex]}`).then(count, () => (errors += 1)));
  });

  const pids = opts.serverPids ?? [];
  await quiesce(pids);
  const cpu0 = await Promise.all(pids.map(cpuSeconds));
  const loadBefore = loadAverage();
  const total = Math.round(rate * durationSeconds);
  const interval = 1000 / rate;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = start + i * interval - performance.now();
    if (wait > 1) await sleep(wait);
    const from = callers[i % callers.length]!;
    const callSid = benchCallSid(randomUUID());
    // Registered before sending: the pop usually arrives before the HTTP response does.
    pending.set(callSid, { sentAt: performance.now(), from });
    track(ringAndAnswer(serverUrl, callSid, from, DIALLED).then((r) => {
      count([r.status]);
      if (r.dialled) dialledAtOnce.add(callSid);
      else if (r.status === 200) queued += 1;
    }, () => (errors += 1)));
  }
  const drainUntil = performance.now() + (opts.drainSeconds ?? 15) * 1000;
  while ((inflight.size > 0 || pending.size > 0) && performance.now() < drainUntil) await sleep(20);
  const wall = (performance.now() - start) / 1000;
  const cpu1 = await Promise.all(pids.map(cpuSeconds));
  off();
  const unpopped = pending.size;
  // Calls still waiting for an agent: the caller hangs up, so the next run starts from a clean floor.
  await Promise.allSettled([...pending.entries()].map(([sid, p]) => hangUpUnanswered(statusUrl, sid, p.from, DIALLED)));
  await Promise.allSettled([...inflight]);
  return {
    rate,
    durationSeconds,
    calls: total,
    webhooks,
    webhooksPerSecond: Math.round(webhooks / wall),
    errors,
    unpopped,
    webhookToPopMs: summarise(latencies),
    offeredAtOnce: (() => {
      const at = [...dialledAtOnce].flatMap((sid) => (byCall.has(sid) ? [byCall.get(sid)!] : []));
      return { calls: at.length, webhookToPopMs: summarise(at) };
    })(),
    queuedForAnAgent: queued,
    ...(opts.keepSamples && { samples: latencies }),
    serverCpuPercent: pids.length ? Math.round((cpu1.reduce((a, b) => a + b, 0) - cpu0.reduce((a, b) => a + b, 0)) / wall * 1000) / 10 : null,
    loadAverage1m: { before: loadBefore, after: loadAverage() },
  };
}
