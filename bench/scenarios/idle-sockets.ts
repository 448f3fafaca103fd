import { fork, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';
import type { BenchAgents } from '../lib/agents';
import { loadAverage, rssBytes } from '../lib/proc-stats';
import { steadyLoad, type SteadyLoadResult } from './steady-load';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface IdleSocketsResult {
  sockets: number;
  connected: number;
  failed: number;
  clientProcesses: number;
  connectSeconds: number;
  serverRssMiB: { before: number; connected: number; afterLoad: number };
  /** (RSS with the sockets − RSS before) / connected sockets. */
  kibPerSocket: number;
  load: SteadyLoadResult;
  loadAverage1m: number;
}

/**
 * `count` idle agents (users with sessions written straight to the database, so no scrypt login
 * each) connected from `processes` child processes to one server, then steady load at `rate`.
 */
export async function idleSockets(server: { url: string; pid: number }, databaseUrl: string, agents: BenchAgents, callers: string[], opts: { count: number; processes: number; rate: number; durationSeconds: number; settleSeconds?: number; drainSeconds?: number }): Promise<IdleSocketsResult> {
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const run = randomUUID().slice(0, 8);
  const tokens: string[] = [];
  const expiresAt = new Date(Date.now() + 6 * 3600_000);
  for (let i = 0; i < opts.count; i += 2000) {
    const n = Math.min(2000, opts.count - i);
    const users = await sql<Array<{ id: string }>>`
      insert into users ${sql(Array.from({ length: n }, (_, j) => ({ email: `bench-idle-${run}-${i + j}@bench.test`, name: `Idle ${i + j}`, role: 'agent', password_hash: 'not-a-login' })))} returning id`;
    const batch = users.map((u) => ({ user_id: u.id, token: randomBytes(24).toString('base64url') }));
    await sql`insert into sessions ${sql(batch.map((b) => ({ user_id: b.user_id, token_hash: createHash('sha256').update(b.token).digest('base64url'), expires_at: expiresAt })))}`;
    tokens.push(...batch.map((b) => b.token));
  }
  await sql.end();

  await sleep((opts.settleSeconds ?? 5) * 400);
  const before = await rssBytes(server.pid);
  const children: ChildProcess[] = [];
  const per = Math.ceil(tokens.length / opts.processes);
  const started = Date.now();
  const reports = await Promise.all(
    Array.from({ length: opts.processes }, async (_, i) => {
      const child = fork(path.join(here, '../lib/idle-socket-worker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      child.send({ url: server.url, tokens: tokens.slice(i * per, (i + 1) * per), concurrency: 50 });
      const timeout = sleep(180_000).then(() => [{ connected: 0, failed: per, ms: 180_000 }]);
      const [report] = (await Promise.race([once(child, 'message'), timeout])) as [{ connected: number; failed: number; ms: number }];
      return report;
    }),
  );
  const connectSeconds = (Date.now() - started) / 1000;
  const connected = reports.reduce((a, r) => a + r.connected, 0);
  const failed = reports.reduce((a, r) => a + r.failed, 0);
  console.log(`    ${connected} sockets connected (${failed} failed) from ${opts.processes} processes in ${connectSeconds.toFixed(1)} s`);
  await sleep((opts.settleSeconds ?? 5) * 1000); // the connect handlers' database work settles
  const withSockets = await rssBytes(server.pid);
  let load: SteadyLoadResult;
  try {
    load = await steadyLoad(server.url, agents, callers, opts.rate, opts.durationSeconds, { serverPids: [server.pid], drainSeconds: opts.drainSeconds ?? 15 });
    console.log(`    with ${connected} idle sockets, ${opts.rate} calls/s: p50 ${load.webhookToPopMs.p50} p99 ${load.webhookToPopMs.p99} max ${load.webhookToPopMs.max} ms, ${load.errors} errors, cpu ${load.serverCpuPercent}%`);
  } finally {
    for (const c of children) if (c.connected) c.send('close');
    await Promise.all(children.map((c) => (c.exitCode === null ? Promise.race([once(c, 'exit'), sleep(10_000)]) : null)));
  }
  const afterLoad = await rssBytes(server.pid);
  const mib = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;
  return {
    sockets: opts.count,
    connected,
    failed,
    clientProcesses: opts.processes,
    connectSeconds: Math.round(connectSeconds * 10) / 10,
    serverRssMiB: { before: mib(before), connected: mib(withSockets), afterLoad: mib(afterLoad) },
    kibPerSocket: connected ? Math.round(((withSockets - before) / connected / 1024) * 10) / 10 : NaN,
    load,
    loadAverage1m: loadAverage(),
  };
}
