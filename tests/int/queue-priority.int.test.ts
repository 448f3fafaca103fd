import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { connectClient, createUser, login, nextEvent, startTestServer, type TestServer } from '../support/test-server';
import { apiClient, postCti, type ApiClient } from '../support/api';

const CTI_TOKEN = 'priority-cti-token';
let db: TestDatabase;
let server: TestServer;
let admin: ApiClient;
let serial = 0;

beforeAll(async () => {
  db = await createTestDatabase('priority');
  server = await startTestServer(db.url, { API_TOKEN: 'priority-admin', CTI_TOKEN, DEFAULT_REGION: 'CN' });
  admin = apiClient(server.url, 'priority-admin');
});
afterAll(async () => {
  await server?.close();
  await db?.drop();
});

/** A customer with a number of their own, in the segment given (as the value run would have left them). */
async function caller(segment: 'gold' | 'stream'): Promise<string> {
  serial += 1;
  const phone = `+86139${String(10_000_000 + serial * 7919).slice(-8)}`;
  const res = await admin.post<{ id: string }>('/api/customers', { name: `${segment} caller ${serial}`, phones: [phone] });
  expect(res.status).toBe(201);
  await server.sb.ctx.database.sql`update customers set segment = ${segment} where id = ${res.body.id}`;
  return phone;
}

async function queue(prioritiseGold: boolean): Promise<{ id: string; name: string; number: string }> {
  const name = `prio-${randomUUID()}`;
  const number = `+86106${String(1_000_000 + Math.floor(Math.random() * 8_999_999))}`;
  const res = await admin.post<{ id: string }>('/api/queues', { name, numbers: [number], prioritiseGold });
  expect(res.status).toBe(201);
  return { id: res.body.id, name, number };
}

/** A stream caller rings, then a gold caller; nobody is free. Returns who the agent is offered first. */
async function firstOffered(q: { name: string; number: string }): Promise<{ stream: string; gold: string; offered: string }> {
  const stream = await caller('stream');
  const gold = await caller('gold');
  const agent = await createUser(server.sb, { role: 'agent' });
  await server.sb.ctx.database.sql`insert into user_queues (user_id, queue_id) select ${agent.id}, id from queues where name = ${q.name}`;
  const socket = await connectClient(server.url, { token: (await login(server.url, agent.email, agent.password)).token });
  try {
    for (const from of [stream, gold]) {
      expect(await postCti(server.url, CTI_TOKEN, { event: 'newCall', from, to: q.number, direction: 'in', callId: randomUUID() })).toBe(200);
    }
    const popped = nextEvent(socket, 'call:pop');
    await socket.emitWithAck('agent:status', { status: 'available' });
    return { stream, gold, offered: (await popped).from };
  } finally {
    socket.close();
  }
}

describe('a queue that lets gold callers go first', () => {
  it('offers the gold caller before a stream caller who rang earlier', async () => {
    const { gold, offered } = await firstOffered(await queue(true));
    expect(offered).toBe(gold);
  });

  it('without it, callers are served in the order they rang', async () => {
    const { stream, offered } = await firstOffered(await queue(false));
    expect(offered).toBe(stream);
  });

  it('is switched on for an existing queue with PATCH /api/queues/:id (admins; audited)', async () => {
    const q = await queue(false);
    const res = await admin.patch(`/api/queues/${q.id}`, { prioritiseGold: true, serviceLevelSeconds: 30 });
    expect(res).toEqual({ status: 200, body: { id: q.id } });
    const listed = (await admin.get<{ queues: Array<{ id: string; prioritiseGold: boolean; serviceLevelSeconds: number }> }>('/api/queues')).body.queues.find((x) => x.id === q.id);
    expect(listed).toMatchObject({ prioritiseGold: true, serviceLevelSeconds: 30 });
    const [audit] = await server.sb.ctx.db.select({ data: auditLog.data }).from(auditLog).where(and(eq(auditLog.action, 'queue.update'), eq(auditLog.entityId, q.id)));
    expect(audit?.data).toEqual({ prioritiseGold: true, serviceLevelSeconds: 30 });
    const { gold, offered } = await firstOffered(q);
    expect(offered).toBe(gold);
  });

  it('PATCH refuses bad input, unknown queues and non-admins, and changes nothing then', async () => {
    const q = await queue(false);
    for (const [body, names] of [
      [{}, /nothing to change/],
      [{ prioritiseGold: 'yes' }, /"path":"prioritiseGold"/],
      [{ serviceLevelSeconds: 0 }, /"path":"serviceLevelSeconds"/],
      [{ name: 'renamed' }, /name/],
    ] as const) {
      const res = await admin.patch(`/api/queues/${q.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(names);
    }
    expect((await admin.patch(`/api/queues/${randomUUID()}`, { prioritiseGold: true })).status).toBe(404);
    expect((await admin.patch('/api/queues/not-a-uuid', { prioritiseGold: true })).status).toBe(400);
    const supervisor = await createUser(server.sb, { role: 'supervisor' });
    const { token } = await login(server.url, supervisor.email, supervisor.password);
    expect((await apiClient(server.url, token).patch(`/api/queues/${q.id}`, { prioritiseGold: true })).status).toBe(403);
    const [row] = await server.sb.ctx.database.sql`select prioritise_gold from queues where id = ${q.id}`;
    expect(row?.prioritise_gold).toBe(false);
  });
});
