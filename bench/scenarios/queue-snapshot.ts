import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { Redis } from 'ioredis';
import { io as connect, type Socket } from 'socket.io-client';
import { migrateDatabase } from '../../db/migrate';
import { hashPassword } from '../../server/auth/password';
import { buildQueueSnapshot } from '../../server/queues/build-queue-snapshot';
import { callContribution, type StatsCallRow } from '../../server/queues/call-contribution';
import { QueueStatsStore } from '../../server/queues/queue-stats-store';
import { loadRoster, RosterCache } from '../../server/queues/queue-roster';
import type { BoardSnapshot } from '../../server/queues/snapshot-types';
import { PopCache } from '../../server/calls/call-viewers';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/realtime/events';
import { spawnServer } from '../lib/spawn-server';
import { summarise, type LatencySummary } from '../lib/stats';

/**
 * Live queues at 100 calls/s:
 *  1. cost of one snapshot (Redis counters) with a full day's traffic recorded, vs. the alternative
 *     of recounting today from PostgreSQL with aggregate SQL over calls;
 *  2. end to end, on a server process under 100 calls/s of CTI webhooks: webhook → the supervisor's
 *     `queue:snapshot` showing that call, and the server's CPU.
 * `npx tsx bench/scenarios/queue-snapshot.ts [--rate 100] [--seconds 20] [--hours 8] [--queues 10] [--agents 200]`
 */
export interface QueueSnapshotBenchResult {
  rate: number;
  queues: number;
  agents: number;
  todaysCalls: number;
  /** One live event: read the call row by id, then the Lua script. */
  recordCallMs: LatencySummary;
  redisBuildMs: LatencySummary;
  redisBuildCpuMs: number;
  sqlAggregateMs: LatencySummary;
  endToEnd: { webhookToSnapshotMs: LatencySummary; snapshotsPerSecond: number; serverCpuPercent: number; webhooks: number; errors: number };
}

const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CTI_TOKEN = 'bench-cti';
type SupervisorSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `sb_bench_qsnap_${randomBytes(3).toString('hex')}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  return {
    url: url.toString(),
    async drop() {
      const a = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}

const cpuTicks = async (pid: number) => {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (100/s)
};

export async function queueSnapshotBench(opts: { rate?: number; seconds?: number; hours?: number; queues?: number; agents?: number; recordCap?: number } = {}): Promise<QueueSnapshotBenchResult> {
  const rate = opts.rate ?? 100;
  const seconds = opts.seconds ?? 20;
  const hours = opts.hours ?? 8;
  const queueCount = opts.queues ?? 10;
  const agentCount = opts.agents ?? 200;
  const recordCap = opts.recordCap ?? 50_000;
  const db = await freshDatabase();
  const sql = postgres(db.url, { max: 10, onnotice: () => {} });
  const redis = new Redis(REDIS_URL);
  const prefix = `sbbench-q-${randomBytes(3).toString('hex')}`;
  try {
    // The floor: queues with numbers, agents spread over them (a fifth generalists), states in Redis.
    const queues = await sql<Array<{ id: string; name: string }>>`
      insert into queues ${sql(Array.from({ length: queueCount }, (_, i) => ({ name: `bench-${i}`, timezone: i % 2 ? 'Asia/Shanghai' : 'UTC' })))} returning id, name`;
    await sql`insert into queue_numbers ${sql(queues.map((q, i) => ({ e164: `+1415555${String(1000 + i)}`, queue_id: q.id })))}`;
    const hash = await hashPassword('bench-password');
    const agents = await sql<Array<{ id: string }>>`
      insert into users ${sql(Array.from({ length: agentCount }, (_, i) => ({ email: `qa-${i}@bench.test`, name: `Agent ${i}`, role: 'agent', password_hash: hash })))} returning id`;
    const memberships = agents.flatMap((a, i) => (i % 5 === 0 ? [] : [{ user_id: a.id, queue_id: queues[i % queueCount]!.id }]));
    await sql`insert into user_queues ${sql(memberships)}`;
    const states = ['available', 'busy', 'busy', 'wrap_up', 'away'];
    const p = redis.pipeline();
    agents.forEach((a, i) => p.hset(`${prefix}:agent:${a.id}`, 'state', states[i % states.length]!, 'since', String(Date.now() - i * 1000)));
    await p.exec();

    // 1. A day of traffic at `rate` calls/s (the last `hours`), in PostgreSQL and in the Redis counters.
    const todaysCalls = Math.round(rate * hours * 3600);
    const started = Date.now();
    await sql`
      insert into calls (provider, provider_call_id, from_number, to_number, queue_id, state, started_at, answered_at, ended_at)
      select 'cti', 'b' || g, '+16505550000', '+14155550000', (${sql.array(queues.map((q) => q.id))}::uuid[])[1 + g % ${queueCount}],
        (case when g % 10 = 0 then 'abandoned' else 'completed' end)::call_state,
        now() - make_interval(secs => g / ${rate}::float),
        case when g % 10 = 0 then null else now() - make_interval(secs => g / ${rate}::float) + make_interval(secs => g % 40) end,
        now() - make_interval(secs => g / ${rate}::float) + make_interval(secs => 60 + g % 300)
      from generate_series(1, ${todaysCalls}) g`;
    await sql`analyze calls`;
    console.log(`  ${todaysCalls} calls inserted in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const store = new QueueStatsStore(redis, prefix);
    const rosterCache = new RosterCache(() => loadRoster(sql));
    const roster = await rosterCache.get();
    const byId = new Map(roster.queues.map((q) => [q.id, q]));
    // Into the Redis counters (a snapshot's cost does not depend on how many calls they count, so at
    // most `recordCap` of them; the SQL recount below reads them all).
    const applyStart = Date.now();
    await sql<Array<{ id: string; queue_id: string; state: StatsCallRow['state']; started_at: Date; answered_at: Date | null; ended_at: Date | null }>>`
      select id, queue_id, state, started_at, answered_at, ended_at from calls limit ${recordCap}`.cursor(2000, async (rows) => {
      const pipeline = rows.map((r) => {
        const c = callContribution({ id: r.id, queueId: r.queue_id, state: r.state, startedAt: r.started_at, queuedAt: null, answeredAt: r.answered_at, endedAt: r.ended_at, wrappedUpAt: null }, byId.get(r.queue_id)!);
        return c ? store.apply(r.id, c) : null;
      });
      await Promise.all(pipeline);
    });
    await store.markRebuilt(); // the server below must not recount the day at boot
    console.log(`  recorded in Redis in ${((Date.now() - applyStart) / 1000).toFixed(1)} s`);
    const singleRecord: number[] = [];
    const sample = await sql<Array<{ id: string }>>`select id from calls order by random() limit 500`;
    for (const { id } of sample) {
      const t = performance.now();
      const [r] = await sql<Array<{ id: string; queue_id: string; state: StatsCallRow['state']; started_at: Date; answered_at: Date | null; ended_at: Date | null }>>`
        select id, queue_id, state, started_at, answered_at, ended_at from calls where id = ${id}`;
      const c = callContribution({ id: r!.id, queueId: r!.queue_id, state: r!.state, startedAt: r!.started_at, queuedAt: null, answeredAt: r!.answered_at, endedAt: r!.ended_at, wrappedUpAt: null }, byId.get(r!.queue_id)!);
      await store.apply(r!.id, c!);
      singleRecord.push(performance.now() - t);
    }

    const pops = new PopCache(redis, prefix);
    const src = { redis, prefix, store, pops, roster: () => rosterCache.get() };
    let snap: BoardSnapshot | null = null;
    for (let i = 0; i < 20; i++) snap = await buildQueueSnapshot(src); // warm-up
    const buildMs: number[] = [];
    const cpu0 = process.cpuUsage();
    const builds = 400;
    for (let i = 0; i < builds; i++) {
      const t = performance.now();
      snap = await buildQueueSnapshot(src);
      buildMs.push(performance.now() - t);
    }
    const cpu = process.cpuUsage(cpu0);
    const offeredRedis = snap!.queues.reduce((a, q) => a + q.offered, 0);

    // The alternative: today's figures recounted by PostgreSQL (index calls_queue_started_idx).
    const sqlMs: number[] = [];
    let offeredSql = 0;
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      const rows = await sql<Array<{ offered: number }>>`
        select c.queue_id, count(*)::int as offered,
          count(*) filter (where c.answered_at is not null)::int as answered,
          count(*) filter (where c.answered_at is not null and c.answered_at - coalesce(c.queued_at, c.started_at) <= make_interval(secs => q.service_level_seconds))::int as within,
          count(*) filter (where c.state = 'abandoned')::int as abandoned,
          count(*) filter (where c.state = 'abandoned' and c.ended_at - coalesce(c.queued_at, c.started_at) < interval '5 seconds')::int as short,
          avg(extract(epoch from c.answered_at - coalesce(c.queued_at, c.started_at))) as asa,
          avg(extract(epoch from c.ended_at - c.answered_at)) as aht,
          array_agg(x.n) as per_quarter
        from queues q
        join calls c on c.queue_id = q.id and c.started_at >= date_trunc('day', now() at time zone q.timezone) at time zone q.timezone
        cross join lateral (select floor(extract(epoch from c.started_at - date_trunc('day', now() at time zone q.timezone) at time zone q.timezone) / 900)::int as n) x
        group by c.queue_id`;
      sqlMs.push(performance.now() - t);
      offeredSql = rows.reduce((a, r) => a + r.offered, 0);
    }
    console.log(`  today offered: redis ${offeredRedis} (of ${Math.min(recordCap, todaysCalls)} recorded), sql ${offeredSql}`);

    // 2. End to end on a server process: `rate` calls/s of CTI webhooks (ring, then hang up 1–3 s later).
    const server = await spawnServer({ DATABASE_URL: db.url, REDIS_PREFIX: prefix, CTI_TOKEN, WORKERS: 'inline', LOG_LEVEL: 'warn' });
    let e2e: QueueSnapshotBenchResult['endToEnd'];
    try {
      const email = `boss-${randomUUID()}@bench.test`;
      await sql`insert into users (email, name, role, password_hash) values (${email}, 'Bench Supervisor', 'supervisor', ${hash})`;
      const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'bench-password' }) });
      const { token } = (await res.json()) as { token: string };
      const socket: SupervisorSocket = connect(server.url, { transports: ['websocket'], auth: { token }, forceNew: true });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const pending = new Map<string, number>();
      const latencies: number[] = [];
      let snapshots = 0;
      socket.on('queue:snapshot', (s) => {
        snapshots += 1;
        const received = performance.now();
        for (const q of (s as BoardSnapshot).queues) {
          for (const c of q.waitingCalls ?? []) {
            const sent = c.from ? pending.get(c.from) : undefined;
            if (sent === undefined) continue;
            latencies.push(received - sent);
            pending.delete(c.from!);
          }
        }
      });
      let webhooks = 0;
      let errors = 0;
      const post = async (fields: Record<string, string>) => {
        webhooks += 1;
        const r = await fetch(`${server.url}/webhooks/cti?token=${CTI_TOKEN}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ direction: 'in', ...fields }) }).catch(() => null);
        if (!r || r.status !== 200) errors += 1;
        await r?.arrayBuffer();
      };
      const inflight: Promise<unknown>[] = [];
      const total = rate * seconds;
      const cpuStart = await cpuTicks(server.pid);
      const wallStart = performance.now();
      for (let i = 0; i < total; i++) {
        const wait = wallStart + (i * 1000) / rate - performance.now();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
        const from = `+1650${String(2000000 + i)}`;
        const to = `+1415555${String(1000 + (i % queueCount))}`;
        const callId = `e2e-${i}-${randomUUID()}`;
        pending.set(from, performance.now());
        inflight.push(post({ event: 'newCall', from, to, callId }).then(() => new Promise((r) => setTimeout(r, 1000 + (i % 2000)))).then(() => post({ event: 'hangup', from, to, callId, cause: 'cancel' })));
      }
      await Promise.all(inflight);
      const wall = (performance.now() - wallStart) / 1000;
      const cpuEnd = await cpuTicks(server.pid);
      socket.close();
      e2e = { webhookToSnapshotMs: summarise(latencies), snapshotsPerSecond: Math.round((snapshots / wall) * 10) / 10, serverCpuPercent: Math.round(((cpuEnd - cpuStart) / 100 / wall) * 1000) / 10, webhooks, errors };
    } finally {
      await server.stop();
    }
    return {
      rate,
      queues: queueCount,
      agents: agentCount,
      todaysCalls,
      recordCallMs: summarise(singleRecord),
      redisBuildMs: summarise(buildMs),
      redisBuildCpuMs: Math.round(((cpu.user + cpu.system) / 1000 / builds) * 100) / 100,
      sqlAggregateMs: summarise(sqlMs),
      endToEnd: e2e,
    };
  } finally {
    const keys = await redis.keys(`${prefix}:*`);
    for (let i = 0; i < keys.length; i += 1000) await redis.unlink(...keys.slice(i, i + 1000));
    redis.disconnect();
    await sql.end();
    await db.drop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flag = (k: string) => {
    const i = process.argv.indexOf(`--${k}`);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  console.log(`queue-snapshot bench on ${os.cpus().length} × ${os.cpus()[0]?.model}`);
  queueSnapshotBench({ rate: flag('rate'), seconds: flag('seconds'), hours: flag('hours'), queues: flag('queues'), agents: flag('agents') }).then(
    (r) => {
      console.log(JSON.stringify(r, null, 2));
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
