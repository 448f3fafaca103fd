/**
 * Timer lateness of follow-ups: `count` follow-ups due over `spreadMs`, each measured from its due
 * time to (a) the server claiming the offer (offered_at) and (b) the agent's console receiving
 * `followup:due`. Runs on its own: `npx tsx bench/scenarios/followup-lateness.ts [--count 1000]`.
 * Without BENCH_REDIS_URL it starts a private `redis-server --hz 100` (BullMQ's delayed jobs wait on
 * a blocking call whose timeout Redis checks `hz` times a second: hz 10 costs up to ~100 ms).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { migrateDatabase } from '../../db/migrate';
import { startAgents } from '../lib/agents';
import { spawnServer } from '../lib/spawn-server';
import { summarise, type LatencySummary } from '../lib/stats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const API_TOKEN = 'bench-followups-token';

export interface FollowupLatenessOptions {
  count?: number;
  agents?: number;
  /** Time until the first follow-up falls due: all are created before then. */
  leadMs?: number;
  /** Due times are spread evenly over this window. */
  spreadMs?: number;
  redisHz?: number;
  output?: string;
}

export interface FollowupLatenessResult {
  scenario: 'followup-lateness';
  at: string;
  count: number;
  agents: number;
  spreadMs: number;
  redis: { url: string; hz: number; private: boolean };
  /** The machine: lateness on a shared, saturated box measures the box. */
  host: { cpus: number; loadAverage1m: number };
  received: number;
  /** How long creating them all through POST /api/followups took. */
  createdInMs: number;
  /** Due → offered_at on the server (the job ran and claimed the offer), ms. */
  offerLatenessMs: LatencySummary;
  /** Due → `followup:due` arrived at the agent's socket.io client, ms. */
  deliveryLatenessMs: LatencySummary;
  command: string;
}

async function freePort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

async function privateRedis(hz: number): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--hz', String(hz), '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null }).on('error', () => {});
    try {
      await r.connect();
      await r.ping();
      r.disconnect();
      return { url, child };
    } catch {
      r.disconnect();
      if (i > 100) throw new Error('private redis-server did not start');
      await new Promise((res) => setTimeout(res, 50));
    }
  }
}

async function pool<T>(items: T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await run(items[next++]!);
  }));
}

export async function runFollowupLateness(options: FollowupLatenessOptions = {}): Promise<FollowupLatenessResult> {
  const count = options.count ?? 1000;
  const agentsCount = options.agents ?? 10;
  const leadMs = options.leadMs ?? 8000;
  const spreadMs = options.spreadMs ?? 10_000;
  const hz = options.redisHz ?? 100;

  const ownRedis = process.env.BENCH_REDIS_URL ? null : await privateRedis(hz);
  const redisUrl = process.env.BENCH_REDIS_URL ?? ownRedis!.url;
  const probe = new Redis(redisUrl);
  const actualHz = Number(((await probe.config('GET', 'hz')) as string[])[1]);
  probe.disconnect();

  const dbName = `sb_bench_fu_${Date.now().toString(36)}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${dbName}"`);
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  await migrateDatabase(dbUrl.toString());

  const server = await spawnServer({ DATABASE_URL: dbUrl.toString(), REDIS_URL: redisUrl, API_TOKEN, REDIS_PREFIX: `bench-fu-${Date.now().toString(36)}`, WORKERS: 'inline', DEFAULT_REGION: 'CN' });
  const agents = await startAgents(server.url, dbUrl.toString(), agentsCount);
  const received = new Map<string, number>();
  agents.sockets.forEach((socket) =>
    socket.on('followup:due', (e) => {
      if (!received.has(e.followUp.id)) received.set(e.followUp.id, Date.now());
      if (e.notificationId) socket.emit('notification:ack', { id: e.notificationId });
    }),
  );

  const api = async <T>(p: string, body: unknown): Promise<T> => {
    const res = await fetch(`${server.url}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${API_TOKEN}` }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const customers: string[] = [];
  for (let i = 0; i < 20; i++) customers.push((await api<{ id: string }>('/api/customers', { name: `Bench customer ${i}`, phones: [`+86138000${String(10000 + i)}`] })).id);

  // Calibrate: the due window starts once every follow-up can have been created (a loaded machine is slow).
  const warmStart = Date.now();
  await pool(Array.from({ length: 25 }, (_, i) => i), 25, async (i) => {
    await api('/api/followups', { customerId: customers[i % customers.length], reason: 'warm-up', dueAt: new Date(Date.now() + 3_600_000).toISOString() });
  });
  const perCreateMs = (Date.now() - warmStart) / 25;
  const t0 = Date.now() + Math.max(leadMs, Math.ceil(perCreateMs * count * 1.5));
  const due = new Map<string, number>();
  const creationStart = Date.now();
  await pool(Array.from({ length: count }, (_, i) => i), 25, async (i) => {
    const dueAt = t0 + Math.floor((i * spreadMs) / count);
    const { id } = await api<{ id: string }>('/api/followups', { customerId: customers[i % customers.length], reason: `bench ${i}`, dueAt: new Date(dueAt).toISOString() });
    due.set(id, dueAt);
  });
  const createdIn = Date.now() - creationStart;
  if (Date.now() > t0) console.warn(`creating ${count} follow-ups took ${createdIn} ms, longer than the lead time; early ones are measured late`);

  const deadline = t0 + spreadMs + 30_000;
  while (received.size < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

  const sql = postgres(dbUrl.toString(), { max: 1, onnotice: () => {} });
  const offered = await sql<Array<{ id: string; late: number }>>`
    select id, extract(epoch from (offered_at - due_at)) * 1000 as late from follow_ups where offered_at is not null`;
  await sql.end();

  await agents.close();
  await server.stop();
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
  if (ownRedis) {
    ownRedis.child.kill('SIGTERM');
    await once(ownRedis.child, 'exit');
  }

  const result: FollowupLatenessResult = {
    scenario: 'followup-lateness',
    at: new Date().toISOString(),
    count,
    agents: agentsCount,
    spreadMs,
    redis: { url: redisUrl, hz: actualHz, private: ownRedis !== null },
    host: { cpus: cpus().length, loadAverage1m: Math.round(loadavg()[0]! * 100) / 100 },
    received: received.size,
    createdInMs: createdIn,
    offerLatenessMs: summarise(offered.map((o) => Number(o.late))),
    deliveryLatenessMs: summarise([...received].map(([id, at]) => at - due.get(id)!)),
    command: 'npx tsx bench/scenarios/followup-lateness.ts',
  };
  const output = options.output ?? path.join(root, 'bench/results/followup-lateness.json');
  await mkdir(path.dirname(output), { recursive: true });
  await writeFile(output, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const result = await runFollowupLateness({ count: arg('count'), agents: arg('agents'), redisHz: arg('hz') });
  console.log(JSON.stringify(result, null, 2));
  process.exit(result.received === result.count ? 0 : 1);
}
