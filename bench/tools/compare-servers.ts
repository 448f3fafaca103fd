/**
 * Before/after for a hot-path change: two server entries side by side on the same database.
 *   npx tsx bench/tools/compare-servers.ts --a /path/to/old/bench/server-entry.ts [--b bench/server-entry.ts]
 *     [--customers 1000000 --orders-per-customer 10] [--rate 100 --slice 10 --rounds 4] [--calls 200]
 * (--a is typically a copy of the repo with the old server/ folders, node_modules symlinked.)
 * 1. Round trips per call: `calls` full Twilio calls at a gentle rate against each, counting
 *    socket writes to PostgreSQL and Redis in the server (bench/tools/io-counter.mjs), minus an
 *    idle window of the same length (timers, BullMQ).
 * 2. webhook→pop latency, interleaved slices (as the relay comparison).
 * Writes bench/results/compare-servers.json.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs } from '../lib/args';
import { benchDatabase } from '../lib/bench-database';
import { callerNumbers } from '../lib/caller-numbers';
import { spawnServer, type BenchServer } from '../lib/spawn-server';
import { startAgents } from '../lib/agents';
import { loadAverage, machine } from '../lib/proc-stats';
import { BENCH_PUBLIC_URL, BENCH_TWILIO_TOKEN } from '../lib/twilio-call';
import { steadyLoad } from '../scenarios/steady-load';
import { relayComparison } from '../scenarios/relay-comparison';

const here = path.dirname(fileURLToPath(import.meta.url));
const flag = (k: string, d: string) => {
  const i = process.argv.indexOf(`--${k}`);
  return i >= 0 ? process.argv[i + 1]! : d;
};

async function ioCounts(server: BenchServer, file: string): Promise<{ pg: number; redis: number }> {
  process.kill(server.pid, 'SIGUSR2');
  await sleep(200);
  const c = JSON.parse(await readFile(file, 'utf8')) as Record<string, number>;
  return { pg: c['5432'] ?? 0, redis: c['6379'] ?? 0 };
}

async function main() {
  const args = parseBenchArgs(process.argv.slice(2));
  const entryA = flag('a', '');
  const entryB = flag('b', 'bench/server-entry.ts');
  if (!entryA) throw new Error('--a <server entry> is required');
  const rate = Number(flag('rate', '100'));
  const calls = Number(flag('calls', '200'));
  const databaseUrl = await benchDatabase(args.customers, args.ordersPerCustomer);
  const callers = await callerNumbers(databaseUrl);
  const start = async (entry: string, tag: string) => {
    const countFile = `/tmp/sb-io-${tag}-${randomBytes(3).toString('hex')}.json`;
    const server = await spawnServer(
      { DATABASE_URL: databaseUrl, REDIS_PREFIX: `sbbench-${tag}-${randomBytes(3).toString('hex')}`, TWILIO_AUTH_TOKEN: BENCH_TWILIO_TOKEN, PUBLIC_BASE_URL: BENCH_PUBLIC_URL, WORKERS: 'inline', BENCH_IO_COUNT_FILE: countFile },
      { entry, nodeArgs: ['--import', path.join(here, 'io-counter.mjs')] },
    );
    const agents = await startAgents(server.url, databaseUrl, args.agents);
    await steadyLoad(server.url, agents, callers, 50, 4, { drainSeconds: 5 }); // warm-up
    return { server, agents, countFile };
  };
  const a = await start(entryA, 'a');
  const b = await start(entryB, 'b');
  try {
    const roundTrips: Record<string, { pgPerCall: number; redisPerCall: number; calls: number }> = {};
    for (const [name, t] of [['a', a], ['b', b]] as const) {
      const seconds = calls / 20;
      const idle0 = await ioCounts(t.server, t.countFile);
      await sleep(seconds * 1000);
      const idle1 = await ioCounts(t.server, t.countFile);
      const r = await steadyLoad(t.server.url, t.agents, callers, 20, seconds, { drainSeconds: 5 });
      await sleep(500);
      const busy = await ioCounts(t.server, t.countFile);
      const perCall = (k: 'pg' | 'redis') => Math.round(((busy[k] - idle1[k]) - (idle1[k] - idle0[k]) * ((seconds + 1) / seconds)) / r.calls * 10) / 10;
      roundTrips[name] = { pgPerCall: perCall('pg'), redisPerCall: perCall('redis'), calls: r.calls };
      console.log(`  ${name}: ${roundTrips[name]!.pgPerCall} PostgreSQL + ${roundTrips[name]!.redisPerCall} Redis writes per call (4 webhooks + the agent going available)`);
    }
    const latency = await relayComparison(
      { name: 'a', url: a.server.url, pid: a.server.pid, agents: a.agents },
      { name: 'b', url: b.server.url, pid: b.server.pid, agents: b.agents },
      callers, rate, Number(flag('slice', '10')), Number(flag('rounds', '4')),
    );
    console.log(`  latency at ${rate} calls/s: a p50 ${latency.relay.p50} p99 ${latency.relay.p99}, b p50 ${latency.switchboard.p50} p99 ${latency.switchboard.p99} (b/a p99 ×${latency.ratioP99}, p50 ×${latency.ratioP50}); cpu a ${latency.relay.serverCpuPercent}% b ${latency.switchboard.serverCpuPercent}%`);
    const out = { at: new Date().toISOString(), machine: machine(), loadAverage1m: loadAverage(), a: entryA, b: entryB, customers: args.customers, roundTrips, latency: { rate, a: latency.relay, b: latency.switchboard, ratioP99: latency.ratioP99, ratioP50: latency.ratioP50, slices: latency.slices } };
    await writeFile(path.join(here, '../results/compare-servers.json'), `${JSON.stringify(out, null, 2)}\n`);
  } finally {
    await Promise.all([a, b].map(async (t) => {
      await t.agents.close();
      await t.server.stop();
    }));
  }
}

main().then(() => process.exit(0), (err: unknown) => {
  console.error(err);
  process.exit(1);
});
