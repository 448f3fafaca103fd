import type { BenchAgents } from '../lib/agents';
import { summarise, type LatencySummary } from '../lib/stats';
import { loadAverage } from '../lib/proc-stats';
import { steadyLoad, type SteadyLoadResult } from './steady-load';

export interface Target {
  name: string;
  url: string;
  pid: number;
  agents: BenchAgents;
}

export interface RelayComparisonResult {
  rate: number;
  sliceSeconds: number;
  rounds: number;
  slices: Array<{ target: string; round: number; p50: number; p99: number; max: number; errors: number; unpopped: number; queuedForAnAgent: number; offeredAtOnceP99: number; serverCpuPercent: number | null; loadAverage1m: number }>;
  /** All slices of one target pooled (from the per-slice samples). */
  relay: LatencySummary & { errors: number; serverCpuPercent: number };
  switchboard: LatencySummary & { errors: number; serverCpuPercent: number };
  /** switchboard p99 / relay p99 (and p50), over the pooled samples; also the median of the per-round ratios. */
  ratioP99: number;
  ratioP50: number;
  ratioP99MedianOfRounds: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const r2 = (n: number) => Math.round(n * 100) / 100;

/**
 * (Also used by bench/tools/compare-servers.ts for before/after: `relay` is then the first target.)
 * The same load generator and the same socket.io clients against the bare relay and Switchboard,
 * in alternating slices (relay, switchboard, switchboard, relay, …: ABBA, so neither always goes
 * first after a pause), so a noisy neighbour hits both alike and the ratio holds.
 */
export async function relayComparison(relay: Target, switchboard: Target, callers: string[], rate: number, sliceSeconds: number, rounds: number, drainSeconds = 5): Promise<RelayComparisonResult> {
  const relayName = relay.name;
  const sbName = switchboard.name;
  const samples = new Map<string, number[]>([[relayName, []], [sbName, []]]);
  const totals = new Map<string, { errors: number; cpu: number[] }>([[relayName, { errors: 0, cpu: [] }], [sbName, { errors: 0, cpu: [] }]]);
  const slices: RelayComparisonResult['slices'] = [];
  const perRound: Array<Record<string, number>> = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [relay, switchboard] : [switchboard, relay];
    const p99s: Record<string, number> = {};
    for (const t of order) {
      const r: SteadyLoadResult = await steadyLoad(t.url, t.agents, callers, rate, sliceSeconds, { serverPids: [t.pid], drainSeconds, keepSamples: true });
      samples.get(t.name)!.push(...r.samples!);
      totals.get(t.name)!.errors += r.errors + r.unpopped;
      totals.get(t.name)!.cpu.push(r.serverCpuPercent ?? 0);
      p99s[t.name] = r.webhookToPopMs.p99;
      slices.push({ target: t.name, round, p50: r.webhookToPopMs.p50, p99: r.webhookToPopMs.p99, max: r.webhookToPopMs.max, errors: r.errors, unpopped: r.unpopped, queuedForAnAgent: r.queuedForAnAgent, offeredAtOnceP99: r.offeredAtOnce.webhookToPopMs.p99, serverCpuPercent: r.serverCpuPercent, loadAverage1m: loadAverage() });
      console.log(`    round ${round + 1}/${rounds} ${t.name.padEnd(12)} p50 ${r.webhookToPopMs.p50} p99 ${r.webhookToPopMs.p99} max ${r.webhookToPopMs.max} ms, ${r.queuedForAnAgent} waited for an agent, cpu ${r.serverCpuPercent}%, load ${loadAverage()}`);
    }
    perRound.push(p99s);
  }
  const pooled = (name: string) => {
    const t = totals.get(name)!;
    return { ...summarise(samples.get(name)!), errors: t.errors, serverCpuPercent: r2(t.cpu.reduce((a, b) => a + b, 0) / t.cpu.length) };
  };
  const relayAll = pooled(relayName);
  const sbAll = pooled(sbName);
  return {
    rate,
    sliceSeconds,
    rounds,
    slices,
    relay: relayAll,
    switchboard: sbAll,
    ratioP99: r2(sbAll.p99 / relayAll.p99),
    ratioP50: r2(sbAll.p50 / relayAll.p50),
    ratioP99MedianOfRounds: r2(median(perRound.map((r) => r[sbName]! / r[relayName]!))),
  };
}
