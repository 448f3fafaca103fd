import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { connectClient, login, nextEvent, startTestServer, type ClientSocket, type TestServer } from '../support/test-server';
import { apiClient, postCti, type ApiClient } from '../support/api';
import type { CallPop } from '../../server/realtime/events';

const CTI_TOKEN = 'cti-test-token';
let db: TestDatabase;
let server: TestServer;
let admin: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase('popcti');
  server = await startTestServer(db.url, { API_TOKEN: 'admin-token', CTI_TOKEN, DEFAULT_REGION: 'CN' });
  admin = apiClient(server.url, 'admin-token');
});
afterAll(async () => {
  await server?.close();
  await db?.drop();
});

async function availableAgent(queues?: string[], team?: string): Promise<{ socket: ClientSocket; id: string; email: string; token: string }> {
  const email = `agent-${randomUUID()}@example.test`;
  const created = await admin.post<{ id: string }>('/api/users', { email, name: `Agent ${email.slice(6, 12)}`, password: 'agent-password-1', role: 'agent', queues, team });
  expect(created.status).toBe(201);
  const { token } = await login(server.url, email, 'agent-password-1');
  const socket = await connectClient(server.url, { token });
  expect(await socket.emitWithAck('agent:status', { status: 'available' })).toMatchObject({ ok: true });
  return { socket, id: created.body.id, email, token };
}

/** A dialled number of its own per test, so tests never share a queue. */
async function queueWithNumber(): Promise<string> {
  const number = `+861065${String(Math.floor(100000 + Math.random() * 899999))}`;
  const res = await admin.post('/api/queues', { name: `q-${randomUUID()}`, numbers: [number] });
  expect(res.status).toBe(201);
  return res.body.name as string ?? number;
}

/** Agents leave as a real one would: away first, so the pool never offers calls to a closed test socket. */
async function leave(socket: ClientSocket): Promise<void> {
  await socket.emitWithAck('agent:status', { status: 'away' });
  socket.close();
}

const newCall = (callId: string, from: string, to = '+861065529900') => ({ event: 'newCall', from, to, direction: 'in', callId });

describe('screen-pop through the generic CTI feed', () => {
  it('pops the caller with profile, orders (newest first) and history, then follows the call to completed', async () => {
    const cust = await admin.post<{ id: string }>('/api/customers', { name: 'Wang Wei 王伟', phones: ['138 0013 8000'], tags: ['vip'], email: 'wang@example.cn' });
    expect(cust.status).toBe(201);
    for (const [i, day] of [[1, '2026-10-01'], [2, '2026-11-15'], [3, '2026-09-09']] as const) {
      expect((await admin.post('/api/orders', { customerId: cust.body.id, externalId: `SO-${randomUUID()}-${i}`, total: `${i}99.50`, currency: 'CNY', status: 'paid', placedAt: `${day}T08:00:00Z` })).status).toBe(201);
    }
    const queue = await queueWithNumber();
    void queue;
    const agent = await availableAgent();
    const callId = randomUUID();
    const popped = nextEvent(agent.socket, 'call:pop');
    expect(await postCti(server.url, CTI_TOKEN, newCall(callId, '+8613800138000'))).toBe(200);
    const pop = (await popped) as CallPop;
    expect(pop.customer).toMatchObject({ id: cust.body.id, name: 'Wang Wei 王伟', phones: ['+8613800138000'], tags: ['vip'] });
    expect(pop.from).toBe('+8613800138000');
    expect(pop.provider).toBe('cti');
    expect(pop.orders.map((o) => o.placedAt.slice(0, 10))).toEqual(['2026-11-15', '2026-10-01', '2026-09-09']);
    expect(pop.orders[0]).toMatchObject({ total: 299.5, currency: 'CNY' });

    const answered = nextEvent(agent.socket, 'call:state', (e) => e.state === 'answered');
    expect(await postCti(server.url, CTI_TOKEN, { event: 'answer', from: '+8613800138000', to: '+861065529900', direction: 'in', callId, user: agent.email })).toBe(200);
    expect(await answered).toMatchObject({ callId: pop.callId, state: 'answered', agentId: agent.id });

    const completed = nextEvent(agent.socket, 'call:state', (e) => e.state === 'completed');
    expect(await postCti(server.url, CTI_TOKEN, { event: 'hangup', from: '+8613800138000', to: '+861065529900', direction: 'in', callId, cause: 'normalClearing' })).toBe(200);
    await completed;

    const agentApi = apiClient(server.url, agent.token);
    expect((await agentApi.post(`/api/calls/${pop.callId}/wrapup`, { disposition: 'resolved', notes: 'Asked about the November order' })).status).toBe(200);
    const detail = await agentApi.get<{ history: Array<{ summary: string; disposition: string; agent: { id: string } }> }>(`/api/customers/${cust.body.id}`);
    expect(detail.body.history[0]).toMatchObject({ summary: 'Asked about the November order', disposition: 'resolved', agent: { id: agent.id } });

    // The next pop of the same caller carries the new history entry.
    expect(await agentApi.post('/api/calls/' + pop.callId + '/wrapup', { disposition: 'resolved', notes: 'Asked about the November order (edited)' }).then((r) => r.status)).toBe(200);
    expect(await agent.socket.emitWithAck('agent:status', { status: 'available' })).toMatchObject({ ok: true });
    const second = nextEvent(agent.socket, 'call:pop');
    expect(await postCti(server.url, CTI_TOKEN, newCall(randomUUID(), '13800138000'))).toBe(200);
    const pop2 = await second;
    expect(pop2.history).toHaveLength(1);
    expect(pop2.history[0]!.summary).toBe('Asked about the November order (edited)');
    await leave(agent.socket);
  });

  it('pops an unknown caller with customer null, and several customers sharing a number as candidates', async () => {
    const agent = await availableAgent();
    const unknown = nextEvent(agent.socket, 'call:pop');
    await postCti(server.url, CTI_TOKEN, newCall(randomUUID(), '+8613900000001'));
    const pop = await unknown;
    expect(pop.customer).toBeNull();
    expect(pop.candidates).toEqual([]);
    expect(pop.from).toBe('+8613900000001');
    await postCti(server.url, CTI_TOKEN, { event: 'hangup', from: '+8613900000001', to: '+861065529900', direction: 'in', callId: 'x', cause: 'cancel' });

    const a = await admin.post<{ id: string }>('/api/customers', { name: 'Shared A', phones: ['010-6552 9988'] });
    const b = await admin.post<{ id: string }>('/api/customers', { name: 'Shared B', phones: ['+86 10 6552 9988'] });
    expect(await agent.socket.emitWithAck('agent:status', { status: 'available' })).toMatchObject({ ok: true });
    const shared = nextEvent(agent.socket, 'call:pop');
    await postCti(server.url, CTI_TOKEN, newCall(randomUUID(), '+861065529988'));
    const sharedPop = await shared;
    expect(sharedPop.candidates.map((c) => c.id).sort()).toEqual([a.body.id, b.body.id].sort());
    expect([a.body.id, b.body.id]).toContain(sharedPop.customer?.id);
    await leave(agent.socket);
  });

  it('lets only the agent who took the call read it and link it to a customer they can see', async () => {
    const team = `Pop team ${randomUUID().slice(0, 6)}`;
    const agent = await availableAgent(undefined, team);
    const popped = nextEvent(agent.socket, 'call:pop');
    await postCti(server.url, CTI_TOKEN, newCall(randomUUID(), '+8613900000009'));
    const pop = await popped;
    expect(pop.customer).toBeNull();

    // Another agent: the call is not theirs to read or to link.
    const otherEmail = `other-${randomUUID()}@example.test`;
    expect((await admin.post('/api/users', { email: otherEmail, name: 'Other Agent', password: 'agent-password-1', role: 'agent' })).status).toBe(201);
    const other = apiClient(server.url, (await login(server.url, otherEmail, 'agent-password-1')).token);
    const mine = apiClient(server.url, agent.token);
    expect((await other.get(`/api/calls/${pop.callId}`)).status).toBe(404);
    const created = await mine.post<{ id: string }>('/api/customers', { name: 'New Caller', phones: ['+8613900000009'] });
    expect(created.status).toBe(201);
    expect((await other.post(`/api/calls/${pop.callId}/customer`, { customerId: created.body.id })).status).toBe(403);

    // Their own agent cannot link it to another team's customer either (unknown to them: 400).
    const elsewhere = await admin.post<{ id: string }>('/api/customers', { name: 'Elsewhere', phones: [], team: `Other ${team}` });
    const refused = await mine.post(`/api/calls/${pop.callId}/customer`, { customerId: elsewhere.body.id });
    expect(refused.status).toBe(400);
    expect((await mine.get<{ call: { customerId: string | null } }>(`/api/calls/${pop.callId}`)).body.call.customerId).toBeNull();

    expect((await mine.post(`/api/calls/${pop.callId}/customer`, { customerId: created.body.id })).status).toBe(200);
    expect((await mine.get<{ call: { customerId: string | null } }>(`/api/calls/${pop.callId}`)).body.call.customerId).toBe(created.body.id);
    expect((await admin.get<{ call: { customerId: string | null } }>(`/api/calls/${pop.callId}`)).status).toBe(200);
    await postCti(server.url, CTI_TOKEN, { event: 'hangup', from: '+8613900000009', to: '+861065529900', direction: 'in', callId: 'x', cause: 'cancel' });
    await leave(agent.socket);
  });

  it('a hang-up before any answer is missed for the offered agent, and the agent is offered calls again', async () => {
    const agent = await availableAgent();
    const callId = randomUUID();
    const popped = nextEvent(agent.socket, 'call:pop');
    await postCti(server.url, CTI_TOKEN, newCall(callId, '+8613900000002'));
    const pop = await popped;
    const missed = nextEvent(agent.socket, 'call:state', (e) => e.callId === pop.callId);
    await postCti(server.url, CTI_TOKEN, { event: 'hangup', from: '+8613900000002', to: '+861065529900', direction: 'in', callId, cause: 'cancel' });
    expect((await missed).state).toBe('missed');
    const again = nextEvent(agent.socket, 'call:pop');
    await postCti(server.url, CTI_TOKEN, newCall(randomUUID(), '+8613900000003'));
    expect((await again).from).toBe('+8613900000003');
    await leave(agent.socket);
  });

  it('a repeat delivery answers 200 and pops once', async () => {
    const agent = await availableAgent();
    const callId = randomUUID();
    const pops: CallPop[] = [];
    agent.socket.on('call:pop', (p) => pops.push(p));
    const first = nextEvent(agent.socket, 'call:pop');
    expect(await postCti(server.url, CTI_TOKEN, newCall(callId, '+8613900000004'))).toBe(200);
    expect(await postCti(server.url, CTI_TOKEN, newCall(callId, '+8613900000004'), 'form')).toBe(200);
    await first;
    // Ordered after both deliveries: once the hang-up's state arrives, a second pop would have too.
    const ended = nextEvent(agent.socket, 'call:state', (e) => e.state === 'missed');
    await postCti(server.url, CTI_TOKEN, { event: 'hangup', from: '+8613900000004', to: '+861065529900', direction: 'in', callId, cause: 'cancel' });
    await ended;
    expect(pops).toHaveLength(1);
    const stored = await server.sb.ctx.database.sql`select count(*)::int as n from provider_events where event_key = ${`${callId}:newCall`}`;
    expect(stored[0]!.n).toBe(1);
    await leave(agent.socket);
  });

  it('refuses a wrong token (403) and a malformed body (400) and stores neither', async () => {
    const before = await server.sb.ctx.database.sql`select count(*)::int as n from provider_events`;
    expect(await postCti(server.url, 'wrong', newCall(randomUUID(), '+8613900000005'))).toBe(403);
    expect(await postCti(server.url, CTI_TOKEN, { event: 'newCall' })).toBe(400);
    const res = await fetch(`${server.url}/webhooks/cti?token=${CTI_TOKEN}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(400);
    const after = await server.sb.ctx.database.sql`select count(*)::int as n from provider_events`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('a call nobody is free for waits, is offered to the next agent who becomes available, and a caller who hangs up while waiting is abandoned', async () => {
    const number = `+86106${String(Math.floor(1000000 + Math.random() * 8999999))}`;
    const qname = `wait-${randomUUID()}`;
    expect((await admin.post('/api/queues', { name: qname, numbers: [number] })).status).toBe(201);
    const email = `late-${randomUUID()}@example.test`;
    expect((await admin.post('/api/users', { email, name: 'Late Agent', password: 'agent-password-1', role: 'agent', queues: [qname] })).status).toBe(201);
    const { token } = await login(server.url, email, 'agent-password-1');
    const socket = await connectClient(server.url, { token });

    const waitingId = randomUUID();
    await postCti(server.url, CTI_TOKEN, newCall(waitingId, '+8613900000006', number));
    const popped = nextEvent(socket, 'call:pop');
    await socket.emitWithAck('agent:status', { status: 'available' });
    const pop = await popped;
    expect(pop.from).toBe('+8613900000006');
    expect(pop.queue).toBe(qname);

    await socket.emitWithAck('agent:status', { status: 'away' });
    const abandonedId = randomUUID();
    await postCti(server.url, CTI_TOKEN, newCall(abandonedId, '+8613900000007', number));
    await postCti(server.url, CTI_TOKEN, { event: 'hangup', from: '+8613900000007', to: number, direction: 'in', callId: abandonedId, cause: 'cancel' });
    const [row] = await server.sb.ctx.database.sql`select state from calls where provider_call_id = ${abandonedId}`;
    expect(row!.state).toBe('abandoned');
    await leave(socket);
  });

  it('a console that reconnects gets the pop of a call still ringing for it', async () => {
    const agent = await availableAgent();
    const popped = nextEvent(agent.socket, 'call:pop');
    await postCti(server.url, CTI_TOKEN, newCall(randomUUID(), '+8613900000008'));
    const pop = await popped;
    await leave(agent.socket);
    const again = await connectClient(server.url, { token: agent.token });
    const replayed = await nextEvent(again, 'call:pop', (p) => p.callId === pop.callId, 2000);
    expect(replayed.from).toBe('+8613900000008');
    await leave(again);
  });
});
