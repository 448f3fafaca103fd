import type { BenchAgents } from '../lib/agents';
import { steadyLoad, type SteadyLoadResult } from './steady-load';

export interface SaturationResult {
  stepSeconds: number;
  steps: SteadyLoadResult[];
  /** The last step whose p99 stayed ≤ 100 ms: webhooks/s actually sent and calls/s offered. */
  sustained: { callsPerSecond: number; webhooksPerSecond: number; p99: number } | null;
  /** The first step whose p99 passed 100 ms (null: it never did up to the last step). */
  saturatedAt: { callsPerSecond: number; webhooksPerSecond: number; p99: number } | null;
}

export const SATURATION_P99_MS = 100;

/** Steps the open-loop rate up until p99 webhook→pop passes 100 ms; every step is bounded in time. */
export async function saturation(serverUrl: string, serverPid: number, agents: BenchAgents, callers: string[], rates: number[], stepSeconds: number, drainSeconds = 10): Promise<SaturationResult> {
  const steps: SteadyLoadResult[] = [];
  let sustained: SaturationResult['sustained'] = null;
  let saturatedAt: SaturationResult['saturatedAt'] = null;
  for (const rate of rates) {
    const r = await steadyLoad(serverUrl, agents, callers, rate, stepSeconds, { serverPids: [serverPid], drainSeconds });
    steps.push(r);
    const point = { callsPerSecond: rate, webhooksPerSecond: r.webhooksPerSecond, p99: r.webhookToPopMs.p99 };
    console.log(`    ${rate} calls/s (${r.webhooksPerSecond} webhooks/s): p50 ${r.webhookToPopMs.p50} p99 ${r.webhookToPopMs.p99} max ${r.webhookToPopMs.max} ms, ${r.errors} errors, ${r.unpopped} unpopped, ${r.queuedForAnAgent} waited for an agent, cpu ${r.serverCpuPercent}%, load ${r.loadAverage1m.after}`);
    if (r.webhookToPopMs.p99 > SATURATION_P99_MS || r.unpopped > 0 || Number.isNaN(r.webhookToPopMs.p99)) {
      saturatedAt = point;
      break;
    }
    sustained = point;
  }
  return { stepSeconds, steps, sustained, saturatedAt };
}
