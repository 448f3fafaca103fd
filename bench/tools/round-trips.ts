/**
 * Round trips per call, by statement: `npx tsx bench/tools/round-trips.ts [--entry bench/server-entry.ts] [--calls 100]`.
 * One server with bench/tools/io-counter.mjs preloaded; `calls` full Twilio calls at 10 calls/s
 * (no queueing); prints PostgreSQL and Redis writes per call, by statement, minus the idle rate.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { benchDatabase } from '../lib/bench-database';
import { callerNumbers } from '../lib/caller-numbers';
import { spawnServer } from '../lib/spawn-server';
import { startAgents } from '../lib/agents';
import { BENCH_PUBLIC_URL, BENCH_TWILIO_TOKEN } from '../lib/twilio-call';
import { steadyLoad } from '../scenarios/steady-load';
import { cpuSeconds, loadAverage } from '../lib/proc-stats';

const here = path.dirname(fileURLToPath(import.meta.url));
const flag = (k: string, d: string) => {
  const i = process.argv.indexOf(`--${k}`);
  return i >= 0 ? process.argv[i + 1]! : d;
};
type Counts = Record<string, number> & { detail: Record<string, number> };

async function main() {
  const entry = flag('entry', 'bench/server-entry.ts');
  const calls = Number(flag('calls', '100'));
  const databaseUrl = await benchDatabase(Number(flag('customers', '20000')), Number(flag('orders-per-customer', '2')));
  const callers = await callerNumbers(databaseUrl);
  const countFile = `/tmp/sb-io-${randomBytes(4).toString('hex')}.json`;
  const server = await spawnServer(
    { DATABASE_URL: databaseUrl, REDIS_PREFIX: `sbbench-rt-${randomBytes(3).toString('hex')}`, TWILIO_AUTH_TOKEN: BENCH_TWILIO_TOKEN, PUBLIC_BASE_URL: BENCH_PUBLIC_URL, WORKERS: 'inline', BENCH_IO_COUNT_FILE: countFile, BENCH_IO_DETAIL: '1' },
    { entry, nodeArgs: ['--import', path.join(here, 'io-counter.mjs'), ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.join(here, '../profiles')}`] : [])] },
  );
  const agents = await startAgents(server.url, databaseUrl, 20);
  const snap = async (): Promise<Counts> => {
    process.kill(server.pid, 'SIGUSR2');
    await sleep(300);
    return JSON.parse(await readFile(countFile, 'utf8')) as Counts;
  };
  try {
    await steadyLoad(server.url, agents, callers, 10, 3, { drainSeconds: 5 });
    await sleep(2000);
    const idle0 = await snap();
    const cpuIdle0 = await cpuSeconds(server.pid);
    await sleep(5000);
    const idle1 = await snap();
    const cpuIdle1 = await cpuSeconds(server.pid);
    const seconds = calls / 10;
    await steadyLoad(server.url, agents, callers, 10, seconds, { drainSeconds: 5 });
    await sleep(1000);
    const end = await snap();
    const cpuEnd = await cpuSeconds(server.pid);
    const cpuPerCall = ((cpuEnd - cpuIdle1) - (cpuIdle1 - cpuIdle0) * ((seconds + 2.3) / 5.3)) / calls;
    const idleScale = (seconds + 2.3) / 5.3;
    const per = (k: string, a: Record<string, number>, b: Record<string, number>, c: Record<string, number>) => ((c[k] ?? 0) - (b[k] ?? 0) - ((b[k] ?? 0) - (a[k] ?? 0)) * idleScale) / calls;
    console.log(`${entry}: per call (voice + 3 status callbacks + the agent going available)`);
    console.log(`  PostgreSQL ${per('5432', idle0, idle1, end).toFixed(1)}, Redis ${per('6379', idle0, idle1, end).toFixed(1)} writes; server CPU ${(cpuPerCall * 1000).toFixed(2)} ms (load average ${loadAverage()})`);
    const keys = new Set([...Object.keys(end.detail)]);
    const rows = [...keys].map((k) => [k, per(k, idle0.detail, idle1.detail, end.detail)] as const).filter(([, v]) => Math.abs(v) >= 0.05).sort((a, b) => a[0].localeCompare(b[0]) || b[1] - a[1]);
    for (const [k, v] of rows) console.log(`  ${v.toFixed(2).padStart(6)}  ${k}`);
  } finally {
    await agents.close();
    await server.stop();
  }
}

main().then(() => process.exit(0), (err: unknown) => {
  console.error(err);
  process.exit(1);
});
