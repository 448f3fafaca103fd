import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUps, notifications } from '../../db/schema';
import type { FollowUpDue } from '../../server/realtime/events';
import { offerFollowUp } from '../../server/followups/offer-follow-up';
import { followUpJobId, hasFollowUpTimer } from '../../server/followups/follow-up-timer';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { connectClient, login, nextEvent, startTestServer, type ClientSocket, type TestServer } from '../support/test-server';
import { apiClient, postCti, type ApiClient } from '../support/api';
import { TEST_REDIS_URL } from '../support/services';
import { uniquePrefix } from '../support/test-db';

const CTI_TOKEN = 'cti-followups';
const TWILIO = { sid: 'AC0123456789abcdef0123456789abcdef', token: 'twilio-test-token', callerId: '+861065550000' };
let db: TestDatabase;
let server: TestServer;
let admin: ApiClient;
let prefix: string;
let twilio: Server;
const twilioRequests: Array<{ url: string; auth: string; form: URLSearchParams }> = [];

function serverEnv(twilioUrl: string): Record<string, string> {
  return {
    API_TOKEN: 'admin-token',
    CTI_TOKEN,
    DEFAULT_REGION: 'CN',
    REDIS_PREFIX: prefix,
    TWILIO_ACCOUNT_SID: TWILIO.sid,
    TWILIO_AUTH_TOKEN: TWILIO.token,
    TWILIO_CALLER_ID: TWILIO.callerId,
    TWILIO_API_BASE_URL: twilioUrl,
  };
}
let twilioUrl: string;

const body = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => resolve(data));
  });

beforeAll(async () => {
  // Twilio's REST API stand-in: records each Calls.json request and answers like Twilio does.
  twilio = createServer(async (req, res) => {
    twilioRequests.push({ url: req.url ?? '', auth: req.headers.authorization ?? '', form: new URLSearchParams(await body(req)) });
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid: `CA${randomUUID().replace(/-/g, '')}`, status: 'queued' }));
  });
  await new Promise<void>((resolve) => twilio.listen(0, '127.0.0.1', resolve));
  twilioUrl = `http://127.0.0.1:${(twilio.address() as AddressInfo).port}`;
  db = await createTestDatabase('followups');
  prefix = uniquePrefix('fu');
  server = await startTestServer(db.url, serverEnv(twilioUrl));
  admin = apiClient(server.url, 'admin-token');
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
  await new Promise((resolve) => twilio?.close(resolve));
});

interface Agent {
  socket: ClientSocket;
  id: string;
  email: string;
  token: string;
  api: ApiClient;
}

async function agent(queues?: string[], available = true): Promise<Agent> {
  const email = `fu-agent-${randomUUID()}@example.test`;
  const created = await admin.post<{ id: string }>('/api/users', { email, name: `Agent ${email.slice(9, 15)}`, password: 'agent-password-1', role: 'agent', queues });
  expect(created.status).toBe(201);
  const { token } = await login(server.url, email, 'agent-password-1');
  const socket = available ? await connectClient(server.url, { token }) : (null as unknown as ClientSocket);
  if (available) expect(await socket.emitWithAck('agent:status', { status: 'available' })).toMatchObject({ ok: true });
  return { socket, id: created.body.id, email, token, api: apiClient(server.url, token) };
}

/** Agents leave as a real one would: away first, so nothing is offered to a closed test socket. */
async function leave(a: Agent): Promise<void> {
  await a.socket.emitWithAck('agent:status', { status: 'away' });
  a.socket.close();
}

async function queue(extra: Record<string, unknown> = {}): Promise<string> {
  const name = `fq-${randomUUID().slice(0, 8)}`;
  const res = await admin.post('/api/queues', { name, numbers: [], ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return name;
}

const phones = new Map<string, string>();
async function customer(fields: Record<string, unknown> = {}): Promise<string> {
  const phone = `+86138${String(Math.floor(10_000_000 + Math.random() * 89_999_999))}`;
  const res = await admin.post<{ id: string }>('/api/customers', { name: `Customer ${randomUUID().slice(0, 6)}`, phones: [phone], timezone: 'Asia/Shanghai', ...fields });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  phones.set(res.body.id, phone);
  return res.body.id;
}

async function createFollowUp(fields: Record<string, unknown>): Promise<string> {
  const res = await admin.post<{ id: string }>('/api/followups', { reason: 'Call back about the refund', ...fields });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const dueFor = (socket: ClientSocket, id: string, timeoutMs = 5000) => nextEvent(socket, 'followup:due', (e) => e.followUp.id === id, timeoutMs);

async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const notificationsFor = async (id: string) =>
  server.sb.ctx.db.select().from(notifications).where(and(eq(notifications.event, 'followup:due'), sql`${notifications.payload}->'followUp'->>'id' = ${id}`));
const row = async (id: string) => (await server.sb.ctx.db.select().from(followUps).where(eq(followUps.id, id)))[0]!;

describe('follow-ups', () => {
  it('pops followup:due with the customer pop within one second of due', async () => {
    const q = await queue();
    const a = await agent([q]);
    const customerId = await customer({ name: 'Chen Jing 陈静' });
    const dueAt = inMs(800);
    const id = await createFollowUp({ customerId, dueAt, queue: q });
    const event = (await dueFor(a.socket, id)) as FollowUpDue;
    const lateness = Date.now() - Date.parse(dueAt);
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(1000);
    expect(event.followUp).toMatchObject({ id, customerId, reason: 'Call back about the refund', dueAt, attempt: 1, kind: 'callback', queue: q });
    expect(event.pop.customer).toMatchObject({ id: customerId, name: 'Chen Jing 陈静', timezone: 'Asia/Shanghai' });
    expect(event.notificationId).toEqual(expect.any(String));
    expect((await row(id)).offeredTo).toBe(a.id);

    // On "my follow-ups" it is due; once acknowledged it is not replayed on the next connect.
    await a.socket.emitWithAck('notification:ack', { id: event.notificationId! });
    const mine = await a.api.get<{ due: Array<{ id: string }>; upcoming: unknown[] }>('/api/followups?mine=1');
    expect(mine.body.due.map((f) => f.id)).toContain(id);
    const again = await connectClient(server.url, { token: a.token });
    const replayed: string[] = [];
    again.on('followup:due', (e) => replayed.push(e.followUp.id));
    await again.emitWithAck('agent:status', { status: 'available' });
    expect(replayed).not.toContain(id);
    again.close();
    await leave(a);
  });

  it('no_answer retries after retryAfter until maxAttempts, then fails', async () => {
    const q = await queue();
    const a = await agent([q]);
    const customerId = await customer();
    const id = await createFollowUp({ customerId, dueAt: inMs(200), queue: q, maxAttempts: 2, retryAfter: 'PT1S' });
    const first = await dueFor(a.socket, id);
    expect(first.followUp.attempt).toBe(1);
    const second = dueFor(a.socket, id, 4000);
    const recorded = await a.api.post<{ status: string; attempt: number; dueAt: string }>(`/api/followups/${id}/outcome`, { outcome: 'no_answer' });
    const answeredAt = Date.now();
    expect(recorded.body).toMatchObject({ status: 'pending', attempt: 2 });
    const retry = await second;
    expect(retry.followUp.attempt).toBe(2);
    expect(Date.now() - answeredAt).toBeGreaterThanOrEqual(900);
    expect(Date.now() - Date.parse(retry.followUp.dueAt)).toBeLessThan(1000);
    const last = await a.api.post(`/api/followups/${id}/outcome`, { outcome: 'no_answer' });
    expect(last.body).toMatchObject({ status: 'failed', attempt: 2, lastOutcome: 'no_answer' });
    expect((await a.api.post(`/api/followups/${id}/outcome`, { outcome: 'reached' })).status).toBe(409);
    const detail = await a.api.get(`/api/followups/${id}`);
    expect(detail.body).toMatchObject({ id, status: 'failed', attempt: 2, maxAttempts: 2, retryAfter: 'PT1S' });
    // Recording the outcome settled its pops: none is left to replay.
    expect((await notificationsFor(id)).every((n) => n.ackedAt !== null)).toBe(true);
    await leave(a);
  });

  it('cancels and reschedules', async () => {
    const q = await queue();
    const a = await agent([q]);
    const customerId = await customer();
    const cancelled = await createFollowUp({ customerId, dueAt: inMs(60_000), queue: q });
    expect(await hasFollowUpTimer(server.sb.ctx, cancelled, 1)).toBe(true);
    expect((await admin.patch(`/api/followups/${cancelled}`, { status: 'cancelled' })).body).toMatchObject({ status: 'cancelled' });
    expect(await hasFollowUpTimer(server.sb.ctx, cancelled, 1)).toBe(false);
    expect(await offerFollowUp(server.sb.ctx, cancelled, 1, new Date(Date.now() + 120_000))).toBe('skipped');
    expect((await admin.patch(`/api/followups/${cancelled}`, { dueAt: inMs(1000) })).status).toBe(409);

    const moved = await createFollowUp({ customerId, dueAt: inMs(3_600_000), queue: q });
    const newDue = inMs(400);
    expect((await a.api.patch(`/api/followups/${moved}`, { dueAt: newDue })).body).toMatchObject({ dueAt: newDue, status: 'pending' });
    const event = await dueFor(a.socket, moved);
    expect(event.followUp.dueAt).toBe(newDue);
    expect(Date.now() - Date.parse(newDue)).toBeLessThan(1000);
    expect((await admin.get<{ followUps: Array<{ id: string }> }>(`/api/followups?customerId=${customerId}&status=cancelled`)).body.followUps.map((f) => f.id)).toEqual([cancelled]);
    await leave(a);
  });

  it('a duplicate or concurrent run, or a re-run after a crash before the ack, offers exactly once', async () => {
    const q = await queue();
    const a = await agent([q]);
    const customerId = await customer();
    const id = await createFollowUp({ customerId, dueAt: inMs(3_600_000), queue: q });
    // The timer "fires" now: same row, same attempt, three workers at once, then a redelivery.
    await server.sb.ctx.db.update(followUps).set({ dueAt: new Date(Date.now() - 1000) }).where(eq(followUps.id, id));
    const received: FollowUpDue[] = [];
    a.socket.on('followup:due', (e) => e.followUp.id === id && received.push(e));
    const runs = await Promise.all([1, 2, 3].map(() => offerFollowUp(server.sb.ctx, id, 1)));
    expect(runs.filter((r) => r === 'offered')).toHaveLength(1);
    expect(runs.filter((r) => r === 'skipped')).toHaveLength(2);
    expect(await offerFollowUp(server.sb.ctx, id, 1)).toBe('skipped');
    // The real job too (BullMQ redelivers a job whose worker died): enqueue a run of the same attempt.
    await server.sb.ctx.jobs.enqueue('followups.due', { followUpId: id, attempt: 1 }, { jobId: `${followUpJobId(id, 1)}-redelivered`, removeOnComplete: true });
    await until(async () => (await server.sb.ctx.jobs.queue('followups').getJobState(`${followUpJobId(id, 1)}-redelivered`)) === 'unknown');
    expect(await notificationsFor(id)).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'offered', offeredTo: a.id, attempt: 1 });
    await until(async () => received.length > 0);
    expect(received).toHaveLength(1);
    await leave(a);
  });

  it('an offline owner gets it on the next connect', async () => {
    const q = await queue();
    const owner = await agent([q], false);
    const customerId = await customer();
    const id = await createFollowUp({ customerId, dueAt: inMs(150), assigneeId: owner.id });
    await until(async () => (await row(id)).status === 'offered');
    expect((await row(id)).offeredTo).toBe(owner.id);
    const socket = connectClient(server.url, { token: owner.token });
    // The replay runs right after the handshake: listen before it completes.
    const s = await socket;
    const event = await dueFor(s, id).catch(async () => {
      // The replay may have raced the listener: reconnect once more, still unacknowledged.
      s.close();
      return dueFor(await connectClient(server.url, { token: owner.token }), id);
    });
    expect(event.followUp).toMatchObject({ id, assigneeId: owner.id, offeredBecause: 'owner-away' });
    s.close();
  });

  it('defers a follow-up due outside business hours to the next opening', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const allDay: Record<string, Array<[string, string]>> = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['00:00', '24:00']]]));
    const q = await queue({ timezone: 'UTC', businessHours: { weekly: allDay, holidays: [today] } });
    const customerId = await customer();
    const tomorrow = new Date(`${today}T00:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    const res = await admin.post<{ id: string; dueAt: string }>('/api/followups', { customerId, reason: 'after hours', dueAt: inMs(100), queue: q });
    expect(res.status).toBe(201);
    expect(res.body.dueAt).toBe(tomorrow.toISOString());
    expect(await row(res.body.id)).toMatchObject({ status: 'pending', dueAt: tomorrow });

    // A row written by someone else (complaints) with a due time in closed hours: moved when it fires.
    const [inserted] = await server.sb.ctx.db
      .insert(followUps)
      .values({ customerId, reason: 'satisfaction', kind: 'satisfaction', dueAt: new Date(Date.now() - 60_000), queueId: (await row(res.body.id)).queueId })
      .returning();
    expect(await offerFollowUp(server.sb.ctx, inserted!.id, 1)).toBe('deferred');
    expect((await row(inserted!.id)).dueAt.toISOString()).toBe(tomorrow.toISOString());
    expect(await hasFollowUpTimer(server.sb.ctx, inserted!.id, 1)).toBe(true);
  });

  it('schedules the next check-in after a reached follow-up and after an answered call', async () => {
    const customerId = await customer({ followUpFrequencyDays: 7 });
    const q = await queue();
    const a = await agent([q]);
    const id = await createFollowUp({ customerId, dueAt: inMs(100), queue: q });
    await dueFor(a.socket, id);
    const reachedAt = Date.now();
    expect((await a.api.post(`/api/followups/${id}/outcome`, { outcome: 'reached' })).body).toMatchObject({ status: 'completed' });
    const checkIns = async () => (await admin.get<{ followUps: Array<{ id: string; kind: string; dueAt: string; status: string }> }>(`/api/followups?customerId=${customerId}&status=pending`)).body.followUps.filter((f) => f.kind === 'check_in');
    const [checkIn] = await checkIns();
    expect(checkIn).toBeDefined();
    expect(Math.abs(Date.parse(checkIn!.dueAt) - (reachedAt + 7 * 86_400_000))).toBeLessThan(5000);
    await leave(a);

    // An answered call with the customer moves the pending check-in to 7 days after that call.
    const generalist = await agent();
    const from = phones.get(customerId)!;
    const callId = randomUUID();
    await server.sb.ctx.db.update(followUps).set({ dueAt: new Date(Date.now() + 86_400_000) }).where(eq(followUps.id, checkIn!.id));
    const popped = nextEvent(generalist.socket, 'call:pop');
    expect(await postCti(server.url, CTI_TOKEN, { event: 'newCall', from, to: '+861065529900', direction: 'in', callId })).toBe(200);
    await popped;
    expect(await postCti(server.url, CTI_TOKEN, { event: 'answer', from, to: '+861065529900', direction: 'in', callId, user: generalist.email })).toBe(200);
    expect(await postCti(server.url, CTI_TOKEN, { event: 'hangup', from, to: '+861065529900', direction: 'in', callId, cause: 'normalClearing' })).toBe(200);
    const endedAt = Date.now();
    const moved = await until(async () => {
      const list = await checkIns();
      return list.length === 1 && Math.abs(Date.parse(list[0]!.dueAt) - (endedAt + 7 * 86_400_000)) < 5000 ? list : null;
    });
    expect(moved[0]!.id).toBe(checkIn!.id);
    await leave(generalist);
  });

  it('dials through Twilio when configured', async () => {
    const customerId = await customer();
    const id = await createFollowUp({ customerId, dueAt: inMs(3_600_000) });
    const res = await admin.post<{ dialled: boolean; callSid: string; to: string }>(`/api/followups/${id}/dial`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ dialled: true, provider: 'twilio' });
    const sent = twilioRequests.at(-1)!;
    expect(sent.url).toBe(`/2010-04-01/Accounts/${TWILIO.sid}/Calls.json`);
    expect(sent.auth).toBe(`Basic ${Buffer.from(`${TWILIO.sid}:${TWILIO.token}`).toString('base64')}`);
    expect(Object.fromEntries(sent.form)).toEqual({ To: res.body.to, From: TWILIO.callerId, Url: `${server.config.PUBLIC_BASE_URL}/webhooks/twilio/voice` });
    expect((await row(id)).dialCallId).toBe(res.body.callSid);
  });

  it('loses nothing when Redis loses its jobs and the server restarts', async () => {
    const q = await queue();
    const a = await agent([q]);
    const customerId = await customer();
    const later = await createFollowUp({ customerId, dueAt: inMs(2500), queue: q });
    const missed = await createFollowUp({ customerId, dueAt: inMs(3_600_000), queue: q });
    a.socket.close();
    await server.sb.close();
    // Every BullMQ key of this deployment is gone; the follow-up "missed" fell due while down.
    const redis = new Redis(TEST_REDIS_URL);
    const keys = await redis.keys(`${prefix}:bull:*`);
    expect(keys.length).toBeGreaterThan(0);
    await redis.del(...keys);
    redis.disconnect();
    const pg = postgres(db.url, { max: 1, onnotice: () => {} });
    await pg`update follow_ups set due_at = now() - interval '30 seconds' where id = ${missed}`;
    await pg.end();
    server = await startTestServer(db.url, serverEnv(twilioUrl));
    admin = apiClient(server.url, 'admin-token');
    // The boot sweep re-created the timer of the one still ahead and offered the one that fell due.
    expect(await hasFollowUpTimer(server.sb.ctx, later, 1)).toBe(true);
    expect(await row(missed)).toMatchObject({ status: 'offered', offeredTo: a.id });

    const socket = await connectClient(server.url, { token: a.token });
    const got = new Set<string>();
    socket.on('followup:due', (e) => got.add(e.followUp.id));
    await socket.emitWithAck('agent:status', { status: 'available' });
    await until(async () => got.has(missed) && got.has(later), 6000);
    expect(await notificationsFor(later)).toHaveLength(1);
    expect(await notificationsFor(missed)).toHaveLength(1);
    await socket.emitWithAck('agent:status', { status: 'away' });
    socket.close();
  });
});
