import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { parseBenchArgs } from './lib/args';
import { benchDatabase } from './lib/bench-database';
import { spawnServer } from './lib/spawn-server';
import { startAgents } from './lib/agents';
import { callerNumbers } from './lib/caller-numbers';
import { BENCH_PUBLIC_URL, BENCH_TWILIO_TOKEN } from './lib/twilio-call';
import { steadyLoad } from './scenarios/steady-load';

const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

/** `npm run bench` — see BENCHMARKS.md for what each scenario measures and the figures. */
async function main() {
  const args = parseBenchArgs(process.argv.slice(2));
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  console.log(`bench: ${args.customers} customers, ${args.agents} agents, rates ${args.rates.join('/')} calls/s for ${args.durationSeconds} s`);
  const databaseUrl = await benchDatabase(args.customers, args.ordersPerCustomer);
  const callers = await callerNumbers(databaseUrl);
  const prefix = `sbbench-${randomBytes(3).toString('hex')}`;
  const server = await spawnServer({
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: prefix,
    TWILIO_AUTH_TOKEN: BENCH_TWILIO_TOKEN,
    PUBLIC_BASE_URL: BENCH_PUBLIC_URL,
    WORKERS: 'inline',
  }, { nodeArgs: process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=bench/profiles'] : [] });
  const agents = await startAgents(server.url, databaseUrl, args.agents);
  const steady = [];
  try {
    for (const rate of args.rates) {
      const r = await steadyLoad(server.url, agents, callers, rate, args.durationSeconds);
      console.log(`  ${rate} calls/s: p50 ${r.webhookToPopMs.p50} ms, p95 ${r.webhookToPopMs.p95}, p99 ${r.webhookToPopMs.p99}, max ${r.webhookToPopMs.max}; ${r.errors} errors, ${r.unpopped} unpopped of ${r.calls}`);
      steady.push(r);
    }
  } finally {
    await agents.close();
    await server.stop();
  }
  await mkdir(resultsDir, { recursive: true });
  const result = {
    scenario: 'webhook-to-pop',
    command,
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    customers: args.customers,
    agents: args.agents,
    steady,
  };
  const file = path.join(resultsDir, `webhook-to-pop${args.quick ? '-quick' : ''}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
