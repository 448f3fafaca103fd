/**
 * Escalation lateness: `count` complaints whose respond deadlines fall over `spreadMs`, each measured
 * from its respond deadline to (a) the escalation committed on the server (the `escalated` event's
 * time) and (b) the level-2 assignee's console receiving `complaint:assigned`.
 * Runs on its own: `npx tsx bench/scenarios/escalation-lateness.ts [--count 1000] [--spread 5] [--hz 100]`.
 * Without BENCH_REDIS_URL it starts a private `redis-server --hz 100`: BullMQ's delayed jobs wait on a
 * blocking call whose timeout Redis checks `hz` times a second, so hz 10 costs up to ~100 ms.
 *
 * Deadlines are whole seconds (ISO durations), so the spread comes from `spread` policies whose respond
 * windows differ by one second, crossed with the creation time of each complaint.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
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
const API_TOKEN = 'bench-escalation-token';

export interface EscalationLatenessOptions {
  count?: number;
  /** Level-2 assignees (socket.io clients in the level-2 queue). */
  assignees?: number;
  /** Respond windows run over this many consecutive seconds (one policy per second). */
  spreadSeconds?: number;
  redisHz?: number;
  output?: string;
}

export interface EscalationLatenessResult {
  scenario: 'escalation-lateness';
  at: string;
  count: number;
  assignees: number;
  spreadSeconds: number;
  /** First to last respond deadline, ms. */
  deadlineSpanMs: number;
  redis: { url: string; hz: number; private: boolean };
  machine: { cpus: number; model: string | undefined; loadAverage1m: number; node: string };
  escalated: number;
  received: number;
  createdInMs: number;
  /** Respond deadline → the escalation's event time on the server (the job ran and committed), ms. */
  escalationLatenessMs: LatencySummary;
  /** Respond deadline → `complaint:assigned` (level 2) arrived at the new assignee's socket.io client, ms. */
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
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

export async function runEscalationLateness(options: EscalationLatenessOptions = {}): Promise<EscalationLatenessResult> {
  const count = options.count ?? 1000;
  const assigneeCount = options.assignees ?? 10;
  const spread = options.spreadSeconds ?? 5;
  const hz = options.redisHz ?? 100;

  const ownRedis = process.env.BENCH_REDIS_URL ? null : await privateRedis(hz);
  const redisUrl = process.env.BENCH_REDIS_URL ?? ownRedis!.url;
  const probe = new Redis(redisUrl);
  const actualHz = Number(((await probe.config('GET', 'hz')) as string[])[1]);
  probe.disconnect();

  const dbName = `sb_bench_esc_${Date.now().toString(36)}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${dbName}"`);
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  await migrateDatabase(dbUrl.toString());
  const sql = postgres(dbUrl.toString(), { max: 2, onnotice: () => {} });

  const server = await spawnServer({ DATABASE_URL: dbUrl.toString(), REDIS_URL: redisUrl, API_TOKEN, REDIS_PREFIX: `bench-esc-${Date.now().toString(36)}`, WORKERS: 'inline' });
  try {
    const call = async <T>(method: string, p: string, body: unknown, expected: number): Promise<T> => {
      const res = await fetch(`${server.url}${p}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${API_TOKEN}` }, body: JSON.stringify(body) });
      if (res.status !== expected) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };

    // Level 2 is a queue of connected consoles (least-loaded pick); level 1 is one handler nobody watches.
    const assignees = await startAgents(server.url, dbUrl.toString(), assigneeCount);
    await call('POST', '/api/queues', { name: 'bench-level-2', numbers: [] }, 201);
    // The bench's only agents are these assignees (a fresh database).
    await sql`insert into user_queues (user_id, queue_id) select id, (select id from queues where name = 'bench-level-2') from users where role = 'agent'`;
    const handler = await call<{ id: string }>('POST', '/api/users', { email: 'bench-l1@bench.test', name: 'Bench L1', password: 'bench-handler-password', role: 'complaint_handler' }, 201);
    const received = new Map<string, number>();
    assignees.sockets.forEach((socket) =>
      socket.on('complaint:assigned', (e) => {
        if (e.complaint.level === 2 && !received.has(e.complaint.id)) received.set(e.complaint.id, Date.now());
        if (e.notificationId) socket.emit('notification:ack', { id: e.notificationId });
      }),
    );
    const customers: string[] = [];
    for (let i = 0; i < 20; i++) customers.push((await call<{ id: string }>('POST', '/api/customers', { name: `Bench customer ${i}`, phones: [`+1415555${String(1000 + i)}`] }, 201)).id);

    // Calibrate: every complaint must exist before the first deadline (a loaded machine creates slowly).
    const warmPolicy = async (name: string, seconds: number) =>
      call('PUT', `/api/escalation-policies/${name}`, {
        categories: [name],
        levels: [
          { level: 1, assignTo: { userId: handler.id }, respondWithin: `PT${seconds}S`, resolveWithin: 'P1D' },
          { level: 2, assignTo: { queue: 'bench-level-2' }, respondWithin: 'PT1H', resolveWithin: 'P1D' },
        ],
      }, 200);
    await warmPolicy('bench-warm', 3600);
    const warmStart = Date.now();
    await pool(Array.from({ length: 25 }, (_, i) => i), 25, async (i) => {
      await call('POST', '/api/complaints', { customerId: customers[i % customers.length], summary: 'warm-up', category: 'bench-warm', severity: 'low' }, 201);
    });
    const perCreateMs = (Date.now() - warmStart) / 25;
    const baseSeconds = Math.max(5, Math.ceil((perCreateMs * count * 1.5) / 1000) + 2);
    for (let s = 0; s < spread; s++) await warmPolicy(`bench-${s}`, baseSeconds + s);

    const deadlines = new Map<string, number>();
    const creationStart = Date.now();
    await pool(Array.from({ length: count }, (_, i) => i), 25, async (i) => {
      const c = await call<{ id: string; respondBy: string }>('POST', '/api/complaints', { customerId: customers[i % customers.length], summary: `bench ${i}`, category: `bench-${i % spread}`, severity: 'medium' }, 201);
      deadlines.set(c.id, new Date(c.respondBy).getTime());
    });
    const createdIn = Date.now() - creationStart;
    const first = Math.min(...deadlines.values());
    const last = Math.max(...deadlines.values());
    if (Date.now() > first) console.warn(`creating ${count} complaints took ${createdIn} ms, past the first deadline; early ones are measured late`);

    const waitUntil = last + 30_000;
    while (received.size < count && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 100));
    const escalations = await sql<Array<{ complaint_id: string; at: Date }>>`select complaint_id, at from complaint_events where type = 'escalated' and from_level = 1`;
    await assignees.close();

    const result: EscalationLatenessResult = {
      scenario: 'escalation-lateness',
      at: new Date().toISOString(),
      count,
      assignees: assigneeCount,
      spreadSeconds: spread,
      deadlineSpanMs: last - first,
      redis: { url: redisUrl, hz: actualHz, private: ownRedis !== null },
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadAverage1m: Math.round(os.loadavg()[0]! * 10) / 10, node: process.version },
      escalated: escalations.filter((e) => deadlines.has(e.complaint_id)).length,
      received: received.size,
      createdInMs: createdIn,
      escalationLatenessMs: summarise(escalations.filter((e) => deadlines.has(e.complaint_id)).map((e) => e.at.getTime() - deadlines.get(e.complaint_id)!)),
      deliveryLatenessMs: summarise([...received].filter(([id]) => deadlines.has(id)).map(([id, at]) => at - deadlines.get(id)!)),
      command: `npx tsx bench/scenarios/escalation-lateness.ts --count ${count} --spread ${spread} --hz ${hz}`,
    };
    const output = options.output ?? path.join(root, 'bench/results/escalation-lateness.json');
    await mkdir(path.dirname(output), { recursive: true });
    await writeFile(output, `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await server.stop();
    await sql.end();
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
    if (ownRedis) {
      ownRedis.child.kill('SIGTERM');
      await once(ownRedis.child, 'exit');
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const result = await runEscalationLateness({ count: arg('count'), assignees: arg('assignees'), spreadSeconds: arg('spread'), redisHz: arg('hz') });
  console.log(JSON.stringify(result, null, 2));
  process.exit(result.escalated === result.count ? 0 : 1);
}
