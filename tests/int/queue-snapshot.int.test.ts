import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, uniquePrefix, type TestDatabase } from '../support/test-db';
import { clearPrefix, connectClient, createUser, login, nextEvent, startTestServer, type ClientSocket, type TestServer } from '../support/test-server';
import { apiClient, postCti } from '../support/api';
import type { BoardQueueEntry, BoardSnapshot } from '../../server/queues/snapshot-types';

const CTI_TOKEN = 'cti-queues';
const API_TOKEN = 'admin-queues';
const PREFIX = uniquePrefix('qsnap');
const shared = { REDIS_PREFIX: PREFIX, CTI_TOKEN, API_TOKEN };

let db: TestDatabase;
let a: TestServer;
let b: TestServer;
const extra: TestServer[] = [];

beforeAll(async () => {
  db = await createTestDatabase('qsnap');
  a = await startTestServer(db.url, shared);
  b = await startTestServer(db.url, shared);
});
afterAll(async () => {
  // Closing the servers one by one; the prefix is cleared once, at the very end.
  for (const s of [a, b, ...extra]) await s?.sb.close();
  await clearPrefix(PREFIX);
  await db?.drop();
});

const figures = (q: BoardQueueEntry | undefined) =>
  q && { waiting: q.waiting, offered: q.offered, answered: q.answered, abandoned: q.abandoned, shortAbandons: q.shortAbandons, agents: q.agents, serviceLevel: q.serviceLevel };
const queueOf = (s: BoardSnapshot, name: string) => s.queues.find((q) => q.name === name);

async function snapshotOver(server: TestServer, token: string): Promise<BoardSnapshot> {
  const res = await apiClient(server.url, token).get<BoardSnapshot>('/api/queues/snapshot');
  expect(res.status).toBe(200);
  return res.body;
}

describe('queue:snapshot', () => {
  let supervisor: ClientSocket;
  let supervisorToken: string;
  let agent: ClientSocket;
  let agentToken: string;
  let agentEmail: string;
  const agentSnapshots: unknown[] = [];
  const queue = `q-${randomUUID().slice(0, 8)}`;
  const number = `+1415555${String(Math.floor(1000 + Math.random() * 8999))}`;
  const from = (n: number) => `+1650555${String(1000 + n)}`;
  const cti = (server: TestServer, fields: Record<string, string>) => postCti(server.url, CTI_TOKEN, { to: number, direction: 'in', ...fields });

  /** The next snapshot on the supervisor's socket whose queue matches, timed from now. */
  const nextFor = (predicate: (q: BoardQueueEntry) => boolean, timeoutMs = 1000) =>
    nextEvent(supervisor, 'queue:snapshot', (s) => {
      const q = queueOf(s as BoardSnapshot, queue);
      return q !== undefined && predicate(q);
    }, timeoutMs).then((s) => queueOf(s as BoardSnapshot, queue)!);

  it('goes to a supervisor on connect, and never to an agent', async () => {
    const admin = apiClient(a.url, API_TOKEN);
    expect((await admin.post('/api/queues', { name: queue, numbers: [number], serviceLevelSeconds: 20 })).status).toBe(201);
    agentEmail = `agent-${randomUUID()}@example.test`;
    expect((await admin.post('/api/users', { email: agentEmail, name: 'Queue Agent', password: 'agent-password-1', role: 'agent', queues: [queue] })).status).toBe(201);
    agentToken = (await login(b.url, agentEmail, 'agent-password-1')).token;
    agent = await connectClient(b.url, { token: agentToken });
    agent.on('queue:snapshot', (s) => agentSnapshots.push(s));

    const boss = await createUser(a.sb, { role: 'supervisor' });
    supervisorToken = (await login(a.url, boss.email, boss.password)).token;
    supervisor = await connectClient(a.url, { token: supervisorToken });
    const onConnect = (await nextEvent(supervisor, 'queue:snapshot', () => true, 2000)) as BoardSnapshot;
    expect(figures(queueOf(onConnect, queue))).toEqual({ waiting: 0, offered: 0, answered: 0, abandoned: 0, shortAbandons: 0, agents: { available: 0, busy: 0, wrapUp: 0, away: 0 }, serviceLevel: null });
    expect(figures(queueOf(await snapshotOver(b, supervisorToken), queue))).toEqual(figures(queueOf(onConnect, queue)));
    const agentApi = await apiClient(a.url, agentToken).get('/api/queues/snapshot');
    expect(agentApi.status).toBe(403);
  });

  it('follows calls that ring, are answered and are abandoned, within a second of each webhook', async () => {
    const available = nextFor((q) => q.agents.available === 1);
    expect(await agent.emitWithAck('agent:status', { status: 'available' })).toMatchObject({ ok: true });
    await available;

    // Call 1 rings at the agent (offered), then is answered.
    let next = nextFor((q) => q.offered === 1 && q.waiting === 1 && q.agents.busy === 1);
    expect(await cti(a, { event: 'newCall', from: from(1), callId: 'c1' })).toBe(200);
    await next;
    next = nextFor((q) => q.answered === 1 && q.waiting === 0);
    expect(await cti(b, { event: 'answer', from: from(1), callId: 'c1', user: agentEmail })).toBe(200);
    await next;

    // Calls 2 and 3 find nobody free and wait; 3 hangs up at once (a short abandon).
    next = nextFor((q) => q.offered === 3 && q.waiting === 2);
    expect(await cti(b, { event: 'newCall', from: from(2), callId: 'c2' })).toBe(200);
    expect(await cti(a, { event: 'newCall', from: from(3), callId: 'c3' })).toBe(200);
    const waiting = await next;
    expect(waiting.waitingCalls.map((c) => c.from).sort()).toEqual([from(2), from(3)]);
    next = nextFor((q) => q.abandoned === 1 && q.waiting === 1);
    expect(await cti(a, { event: 'hangup', from: from(3), callId: 'c3', cause: 'cancel' })).toBe(200);
    expect(await next).toMatchObject({ shortAbandons: 1, waitingCalls: [{ from: from(2) }] });

    // Call 1 ends: the agent wraps up, then takes call 2.
    next = nextFor((q) => q.agents.wrapUp === 1);
    expect(await cti(b, { event: 'hangup', from: from(1), callId: 'c1', cause: 'normalClearing' })).toBe(200);
    await next;
    const offered = nextEvent(agent, 'call:pop', (p) => p.from === from(2));
    expect(await agent.emitWithAck('agent:status', { status: 'available' })).toMatchObject({ ok: true });
    await offered;
    next = nextFor((q) => q.answered === 2 && q.waiting === 0 && q.agents.busy === 1);
    expect(await cti(a, { event: 'answer', from: from(2), callId: 'c2', user: agentEmail })).toBe(200);
    await next;
    next = nextFor((q) => q.agents.wrapUp === 1 && q.averageHandleTime !== null);
    expect(await cti(b, { event: 'hangup', from: from(2), callId: 'c2', cause: 'normalClearing' })).toBe(200);
    const last = await next;

    expect(figures(last)).toEqual({ waiting: 0, offered: 3, answered: 2, abandoned: 1, shortAbandons: 1, agents: { available: 0, busy: 0, wrapUp: 1, away: 0 }, serviceLevel: 1 });
    expect(last.quarterHours.offered.reduce((x, y) => x + y, 0)).toBe(3);
    expect(last.averageSpeedOfAnswer).not.toBeNull();
  });

  it('a repeated webhook changes nothing', async () => {
    expect(await cti(a, { event: 'hangup', from: from(3), callId: 'c3', cause: 'cancel' })).toBe(200);
    expect(await cti(b, { event: 'answer', from: from(2), callId: 'c2', user: agentEmail })).toBe(200);
    expect(figures(queueOf(await snapshotOver(a, supervisorToken), queue))).toMatchObject({ offered: 3, answered: 2, abandoned: 1 });
  });

  it('two processes report the same figures', async () => {
    const [fromA, fromB] = await Promise.all([snapshotOver(a, supervisorToken), snapshotOver(b, supervisorToken)]);
    expect(figures(queueOf(fromB, queue))).toEqual(figures(queueOf(fromA, queue)));
    expect(figures(queueOf(fromA, queue))).toMatchObject({ offered: 3, answered: 2, abandoned: 1 });
  });

  it('a restarted server reports today’s figures again, also after Redis lost them', async () => {
    const before = figures(queueOf(await snapshotOver(a, supervisorToken), queue));
    await b.sb.close();
    const restarted = await startTestServer(db.url, shared);
    extra.push(restarted);
    expect(figures(queueOf(await snapshotOver(restarted, supervisorToken), queue))).toEqual(before);

    // Redis loses the counters: the next process to boot recounts today from PostgreSQL.
    await clearPrefix(`${PREFIX}:qstats`);
    await clearPrefix(`${PREFIX}:qcall`);
    await restarted.sb.ctx.redis.del(`${PREFIX}:qstats-rebuilt`);
    const rebuilt = await startTestServer(db.url, shared);
    extra.push(rebuilt);
    for (let i = 0; ; i++) {
      const now = figures(queueOf(await snapshotOver(rebuilt, supervisorToken), queue));
      if (JSON.stringify(now) === JSON.stringify(before)) break;
      if (i > 50) expect(now).toEqual(before);
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  it('never sent a snapshot to the agent', () => {
    expect(agentSnapshots).toEqual([]);
    agent.close();
    supervisor.close();
  });
});

describe('queue:snapshot where teams are used', () => {
  it("gives a team's supervisor their team's queues (and queues of no team) only, on the socket and over HTTP", async () => {
    const admin = apiClient(a.url, API_TOKEN);
    const tag = randomUUID().slice(0, 6);
    const north = `north-${tag}`;
    const east = `east-${tag}`;
    expect((await admin.post('/api/queues', { name: `${north}-q`, numbers: [], team: north })).status).toBe(201);
    expect((await admin.post('/api/queues', { name: `${east}-q`, numbers: [], team: east })).status).toBe(201);
    const [team] = await a.sb.ctx.database.sql`select id from teams where name = ${north}`;
    const sup = await createUser(a.sb, { role: 'supervisor', teamId: team!.id as string });
    const { token } = await login(a.url, sup.email, sup.password);
    const socket = await connectClient(a.url, { token });
    try {
      const first = (await nextEvent(socket, 'queue:snapshot')) as BoardSnapshot;
      const names = first.queues.map((q) => q.name);
      expect(names).toContain(`${north}-q`);
      expect(names).not.toContain(`${east}-q`);
      const overHttp = await snapshotOver(a, token);
      expect(overHttp.queues.map((q) => q.name)).toContain(`${north}-q`);
      expect(overHttp.queues.map((q) => q.name)).not.toContain(`${east}-q`);
      // A change re-sends the board: still the team's only.
      await admin.post('/api/queues', { name: `${east}-q2`, numbers: [], team: east });
      await postCti(a.url, CTI_TOKEN, { event: 'newCall', from: '+16505550999', to: '+16505550998', direction: 'in', callId: randomUUID() });
      const next = (await nextEvent(socket, 'queue:snapshot')) as BoardSnapshot;
      expect(next.queues.every((q) => (q as BoardQueueEntry).teamId === null || (q as BoardQueueEntry).teamId === team!.id)).toBe(true);
    } finally {
      socket.close();
    }
  });
});
