import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { parseBenchArgs, type BenchArgs } from './lib/args';
import { benchDatabase } from './lib/bench-database';
import { spawnServer, type BenchServer } from './lib/spawn-server';
import { startAgents, type BenchAgents } from './lib/agents';
import { startRelayAgents } from './lib/relay-agents';
import { callerNumbers } from './lib/caller-numbers';
import { loadAverage, machine } from './lib/proc-stats';
import { latencyChartSvg, writeChart, type ChartSeries } from './lib/chart';
import { BENCH_PUBLIC_URL, BENCH_TWILIO_TOKEN } from './lib/twilio-call';
import { steadyLoad, type SteadyLoadResult } from './scenarios/steady-load';
import { relayComparison } from './scenarios/relay-comparison';
import { saturation, type SaturationResult } from './scenarios/saturation';
import { idleSockets } from './scenarios/idle-sockets';
import { twoProcesses } from './scenarios/two-processes';
import { consoleE2e } from './scenarios/console-e2e';
import { runFollowupLateness } from './scenarios/followup-lateness';
import { runEscalationLateness } from './scenarios/escalation-lateness';
import { customerSearchBench } from './scenarios/customer-search';
import { queueSnapshotBench } from './scenarios/queue-snapshot';
import { csvImportBench } from './scenarios/csv-import';
import { valueRecomputeBench } from './scenarios/value-recompute';

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(here, 'results');
const root = path.resolve(here, '..');

// The scenarios `npm run bench` runs, in order; --quick runs a short subset.
// csv-import (1,000,000 rows through the import API, minutes) runs only when named with --only.
const ALL = ['relay', 'steady', 'saturation', 'sockets', 'two-processes', 'timers', 'console', 'search', 'value', 'queue-snapshot', 'csv-import'] as const;
const QUICK: readonly string[] = ['relay', 'steady', 'saturation', 'sockets', 'two-processes'];

const wanted = (args: BenchArgs, name: string) => !args.skip.includes(name) && (args.only ? args.only.includes(name) : args.quick ? QUICK.includes(name) : name !== 'csv-import');

async function step<T>(results: Record<string, unknown>, name: string, run: () => Promise<T>): Promise<T | null> {
  const started = Date.now();
  console.log(`• ${name} (load average ${loadAverage()})`);
  try {
    const r = await run();
    results[name] = r;
    return r;
  } catch (err) {
    // One broken scenario (some are owned by other engineers) must not lose the others' figures.
    console.error(`  ${name} failed:`, err);
    results[name] = { error: err instanceof Error ? err.message : String(err) };
    return null;
  } finally {
    console.log(`  ${name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}

/** `npm run bench` — see BENCHMARKS.md for what each scenario measures and the figures. */
async function main() {
  const started = Date.now();
  const args = parseBenchArgs(process.argv.slice(2));
  const unknown = [...(args.only ?? []), ...args.skip].filter((n) => !(ALL as readonly string[]).includes(n));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}: pick from ${ALL.join(', ')}`);
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  const quick = args.quick;
  const t = (full: number, short: number) => (quick ? short : full);
  console.log(`bench${quick ? ' --quick' : ''}: ${args.customers} customers × ${args.ordersPerCustomer} orders, ${args.agents} agents; load average ${loadAverage()}`);
  // --wait-for-load 2: the machine is shared; wait (at most 5 minutes) for the others to quieten.
  const waitFor = process.argv.includes('--wait-for-load') ? Number(process.argv[process.argv.indexOf('--wait-for-load') + 1]) : null;
  for (const until = Date.now() + 300_000; waitFor !== null && loadAverage() > waitFor && Date.now() < until;) await new Promise((r) => setTimeout(r, 5000));
  if (waitFor !== null) console.log(`  load average ${loadAverage()} at start (waited for ≤ ${waitFor})`);
  const databaseUrl = await benchDatabase(args.customers, args.ordersPerCustomer);
  const callers = await callerNumbers(databaseUrl);
  // A fresh REDIS_PREFIX per server (pair): calls left waiting by an overloaded scenario must not
  // be handed to the next scenario's agents.
  const env = () => ({ DATABASE_URL: databaseUrl, REDIS_PREFIX: `sbbench-${randomBytes(3).toString('hex')}`, TWILIO_AUTH_TOKEN: BENCH_TWILIO_TOKEN, PUBLIC_BASE_URL: BENCH_PUBLIC_URL, WORKERS: 'inline' });
  const nodeArgs = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.join(here, 'profiles')}`] : [];
  const startServer = () => spawnServer(env(), { nodeArgs });
  const results: Record<string, unknown> = {};

  let server: BenchServer | null = null;
  let agents: BenchAgents | null = null;
  const ensureServer = async () => {
    if (!server) {
      server = await startServer();
      agents = await startAgents(server.url, databaseUrl, args.agents);
      // JIT, prepared statements, connection pools and the page cache warm up outside the figures.
      await steadyLoad(server.url, agents, callers, 50, t(4, 1.5), { drainSeconds: t(5, 2) });
    }
    return { server, agents: agents! };
  };
  const stopServer = async () => {
    await agents?.close();
    await server?.stop();
    server = null;
    agents = null;
  };

  try {
    if (wanted(args, 'relay')) {
      await step(results, 'relay', async () => {
        const sb = await ensureServer();
        const relay = await spawnServer({}, { entry: 'bench/relay/bare-relay.ts' });
        const relayAgents = await startRelayAgents(relay.url, args.agents);
        await steadyLoad(relay.url, relayAgents, callers, 50, t(4, 1.5), { drainSeconds: t(5, 2) });
        try {
          const r = await relayComparison(
            { name: 'relay', url: relay.url, pid: relay.pid, agents: relayAgents },
            { name: 'switchboard', url: sb.server.url, pid: sb.server.pid, agents: sb.agents },
            callers, 100, t(10, 3), t(4, 2), t(5, 2),
          );
          console.log(`  relay p99 ${r.relay.p99} ms, switchboard p99 ${r.switchboard.p99} ms: ×${r.ratioP99} (p50 ×${r.ratioP50}; median of rounds ×${r.ratioP99MedianOfRounds})`);
          return r;
        } finally {
          await relayAgents.close();
          await relay.stop();
        }
      });
    }

    if (wanted(args, 'steady')) {
      await step(results, 'steady', async () => {
        const sb = await ensureServer();
        const out: SteadyLoadResult[] = [];
        for (const rate of args.rates) {
          const r = await steadyLoad(sb.server.url, sb.agents, callers, rate, args.durationSeconds, { serverPids: [sb.server.pid], drainSeconds: t(15, 3) });
          console.log(`  ${rate} calls/s × ${args.durationSeconds} s: p50 ${r.webhookToPopMs.p50} ms, p95 ${r.webhookToPopMs.p95}, p99 ${r.webhookToPopMs.p99}, max ${r.webhookToPopMs.max}; ${r.errors} errors, ${r.unpopped} unpopped of ${r.calls}; ${r.queuedForAnAgent} waited for an agent (offered at once: p99 ${r.offeredAtOnce.webhookToPopMs.p99} ms); server cpu ${r.serverCpuPercent}%, load ${r.loadAverage1m.after}`);
          out.push(r);
        }
        return out;
      });
    }

    if (wanted(args, 'saturation')) {
      await step(results, 'saturation', async () => {
        const sb = await ensureServer();
        // More agents than the steady runs: at 1,000 calls/s, 20 agents would run out before the server does.
        const extra = await startAgents(sb.server.url, databaseUrl, t(180, 30));
        const all: BenchAgents = {
          sockets: [...sb.agents.sockets, ...extra.sockets],
          ids: [...sb.agents.ids, ...extra.ids],
          onPop(l) {
            const a = sb.agents.onPop(l);
            const b = extra.onPop((pop, i) => l(pop, i + sb.agents.sockets.length));
            return () => (a(), b());
          },
          close: () => extra.close(),
        };
        try {
          const r = await saturation(sb.server.url, sb.server.pid, all, callers, args.saturationRates, t(10, 3), t(10, 3));
          console.log(`  p99 ≤ 100 ms up to ${r.sustained?.webhooksPerSecond ?? 0} webhooks/s; passed it at ${r.saturatedAt ? `${r.saturatedAt.webhooksPerSecond} webhooks/s (${r.saturatedAt.callsPerSecond} calls/s)` : 'no step tried'}`);
          return { agents: all.sockets.length, ...r };
        } finally {
          await extra.close();
        }
      });
    }
    // The socket memory figure wants a fresh server; --quick reuses the one it has.
    if (!quick) await stopServer();

    if (wanted(args, 'sockets')) {
      await step(results, 'sockets', async () => {
        const sb = await ensureServer();
        try {
          const r = await idleSockets(sb.server, databaseUrl, sb.agents, callers, { count: args.sockets, processes: t(4, 1), rate: 100, durationSeconds: t(60, 3), settleSeconds: t(5, 1), drainSeconds: t(15, 3) });
          console.log(`  ${r.connected} idle sockets: ${r.kibPerSocket} KiB RSS each (server ${r.serverRssMiB.before} → ${r.serverRssMiB.connected} MiB); pop p99 ${r.load.webhookToPopMs.p99} ms at 100 calls/s`);
          return r;
        } finally {
          await stopServer();
        }
      });
    }

    if (wanted(args, 'two-processes')) {
      await step(results, 'two-processes', () => twoProcesses(env(), databaseUrl, callers, { agents: args.agents, rate: 100, durationSeconds: t(60, 3), warmSeconds: t(4, 1), drainSeconds: t(15, 3) }));
    }

    if (wanted(args, 'timers')) {
      await step(results, 'followup-lateness', async () => {
        const r = await runFollowupLateness({ count: t(1000, 100) });
        console.log(`  follow-ups: offered p99 ${r.offerLatenessMs.p99} ms late, delivered p99 ${r.deliveryLatenessMs.p99} ms late (${r.received}/${r.count})`);
        return r;
      });
      await step(results, 'escalation-lateness', async () => {
        const r = await runEscalationLateness({ count: t(1000, 100) });
        console.log(`  escalations: escalated p99 ${r.escalationLatenessMs.p99} ms late, delivered p99 ${r.deliveryLatenessMs.p99} ms late (${r.received}/${r.count})`);
        return r;
      });
    }

    if (wanted(args, 'console')) {
      await step(results, 'console', async () => {
        if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('no production build of the console: run `npx next build` first');
        const r = await consoleE2e(env(), databaseUrl, t(args.consoleCalls, 10));
        console.log(`  console in Chromium: webhook → caller's name visible p50 ${r.webhookToVisibleMs.p50} p99 ${r.webhookToVisibleMs.p99} max ${r.webhookToVisibleMs.max} ms (${r.failures} failures of ${r.calls})`);
        return r;
      });
    }

    if (wanted(args, 'search')) await step(results, 'customer-search', () => customerSearchBench({ customers: 1_000_000, samples: 100 }));
    if (wanted(args, 'value')) await step(results, 'value-recompute', () => valueRecomputeBench({ customers: 1_000_000, samples: 200 }));
    if (wanted(args, 'queue-snapshot')) await step(results, 'queue-snapshot', () => queueSnapshotBench({ seconds: 10, hours: 1 }));
    if (wanted(args, 'csv-import')) await step(results, 'csv-import', () => csvImportBench(args.quick ? 20_000 : 1_000_000));
  } finally {
    await stopServer();
  }

  await mkdir(resultsDir, { recursive: true });
  const name = quick ? 'bench-quick' : args.only ? `bench-${args.only.join('-')}` : 'bench';
  const result = {
    command,
    at: new Date().toISOString(),
    wallSeconds: Math.round((Date.now() - started) / 1000),
    machine: machine(),
    loadAverage1m: { end: loadAverage() },
    customers: args.customers,
    ordersPerCustomer: args.ordersPerCustomer,
    agents: args.agents,
    cpuProfile: Boolean(process.env.BENCH_CPU_PROF),
    ...results,
  };
  const file = path.join(resultsDir, `${name}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  if (results.steady || results.saturation) {
    const chart = await chartFrom(file);
    // Only the full run draws bench/results/latency-vs-load.png; partial runs draw beside their JSON.
    const base = name === 'bench' ? 'latency-vs-load' : `${name}-latency-vs-load`;
    await writeChart(chart, path.join(resultsDir, `${base}.svg`), path.join(resultsDir, `${base}.png`));
    console.log(`wrote bench/results/${base}.png`);
  }
  console.log(`bench done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** Latency against offered load (webhooks/s: 4 per call) from a results file: steady runs, saturation steps, the relay. */
export async function chartFrom(file: string): Promise<string> {
  const r = JSON.parse(await readFile(file, 'utf8')) as {
    steady?: SteadyLoadResult[];
    saturation?: SaturationResult;
    relay?: { rate: number; relay: { p50: number; p99: number }; switchboard: { p50: number; p99: number } };
    sockets?: { load: SteadyLoadResult };
    'two-processes'?: { load: SteadyLoadResult };
    customers: number;
    machine: { cpus: number };
  };
  const runs = [...(r.steady ?? []), ...(r.saturation?.steps ?? [])].filter((s) => Number.isFinite(s.webhookToPopMs.p99));
  const pts = (key: 'p50' | 'p95' | 'p99') => runs.map((s) => ({ x: s.rate * 4, y: s.webhookToPopMs[key] }));
  const series: ChartSeries[] = [
    { name: 'Switchboard p50', colour: '#2563eb', points: pts('p50') },
    { name: 'Switchboard p95', colour: '#7c3aed', points: pts('p95') },
    { name: 'Switchboard p99', colour: '#dc2626', points: pts('p99') },
  ];
  if (r.relay && Number.isFinite(r.relay.relay.p99)) {
    series.push({ name: 'bare relay p50', colour: '#16a34a', dashed: true, points: [{ x: r.relay.rate * 4, y: r.relay.relay.p50 }] });
    series.push({ name: 'bare relay p99', colour: '#15803d', dashed: true, points: [{ x: r.relay.rate * 4, y: r.relay.relay.p99 }] });
  }
  if (r.sockets?.load && Number.isFinite(r.sockets.load.webhookToPopMs.p99)) series.push({ name: 'p99, +10k idle sockets', colour: '#ea580c', points: [{ x: r.sockets.load.rate * 4, y: r.sockets.load.webhookToPopMs.p99 }] });
  if (r['two-processes']?.load && Number.isFinite(r['two-processes'].load.webhookToPopMs.p99)) series.push({ name: 'p99, two processes', colour: '#0891b2', points: [{ x: r['two-processes'].load.rate * 4, y: r['two-processes'].load.webhookToPopMs.p99 }] });
  return latencyChartSvg(`Webhook → pop, ${r.customers.toLocaleString('en')} customers, ${r.machine.cpus} cores`, 'offered load, webhooks/s (4 per call)', series, [{ y: 100, label: 'saturation: p99 100 ms' }, { y: 50, label: 'target p99 50 ms' }]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
