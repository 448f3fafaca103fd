import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { summarise, type LatencySummary } from '../lib/stats';
import type { BenchAgents } from '../lib/agents';
import { answerAndHangUp, benchCallSid, ring } from '../lib/twilio-call';

export interface SteadyLoadResult {
  rate: number;
  durationSeconds: number;
  calls: number;
  webhooks: number;
  errors: number;
  /** Calls that found no available agent and waited (pop came later or never). */
  unpopped: number;
  webhookToPopMs: LatencySummary;
}

const DIALLED = '+15005550006';

/**
 * Open-loop load: a new call every 1/rate s regardless of how the server keeps up (so a slow
 * server shows as latency, not as a politely lower rate). Each call is Twilio's full sequence:
 * voice webhook → (pop measured) → child leg in-progress → child completed → call completed.
 */
export async function steadyLoad(serverUrl: string, agents: BenchAgents, callers: string[], rate: number, durationSeconds: number): Promise<SteadyLoadResult> {
  const pending = new Map<string, { sentAt: number; from: string }>();
  const latencies: number[] = [];
  let errors = 0;
  let webhooks = 0;
  const inflight: Promise<unknown>[] = [];

  agents.onPop((pop, agentIndex) => {
    const started = pending.get(pop.providerCallId);
    if (!started) return;
    pending.delete(pop.providerCallId);
    latencies.push(performance.now() - started.sentAt);
    inflight.push(
      answerAndHangUp(serverUrl, pop.providerCallId, started.from, DIALLED, `agent-${agents.ids[agentIndex]}`).then(
        (codes) => {
          webhooks += codes.length;
          errors += codes.filter((c) => c !== 200).length;
        },
        () => (errors += 1),
      ),
    );
  });

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
    inflight.push(
      ring(serverUrl, callSid, from, DIALLED).then(
        (status) => {
          webhooks += 1;
          if (status !== 200) errors += 1;
        },
        () => (errors += 1),
      ),
    );
  }
  await Promise.allSettled(inflight);
  await sleep(1000);
  await Promise.allSettled(inflight);
  return { rate, durationSeconds, calls: total, webhooks, errors, unpopped: pending.size, webhookToPopMs: summarise(latencies) };
}
