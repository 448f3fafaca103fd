import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintEvents, complaints, followUps, notifications, settings, users } from '../../db/schema';
import { handleComplaintDeadline } from '../../server/complaints/deadlines/handle-deadline-jobs';
import { sweepDeadlines } from '../../server/complaints/deadlines/sweep-deadlines';
import { deadlineJobId } from '../../server/complaints/policy/deadline-timers';
import { hasFollowUpTimer } from '../../server/followups/follow-up-timer';
import { apiClient, type ApiClient } from '../support/api';
import { createTestDatabase, uniquePrefix, type TestDatabase } from '../support/test-db';
import { clearPrefix, connectClient, createUser, login, nextEvent, startTestServer, type ClientSocket, type TestServer } from '../support/test-server';

const API_TOKEN = 'complaints-admin-token';
let db: TestDatabase;
let server: TestServer;
let admin: ApiClient;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  db = await createTestDatabase('complaints');
  server = await startTestServer(db.url, { API_TOKEN });
  admin = apiClient(server.url, API_TOKEN);
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server?.close();
  await db?.drop();
});

/** Polls `probe` until it returns a value (not undefined/false), or fails after `timeoutMs`. */
async function waitFor<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

type Role = 'agent' | 'supervisor' | 'complaint_handler' | 'admin';
async function person(role: Role, on: TestServer = server) {
  const user = await createUser(on.sb, { role });
  const { token } = await login(on.url, user.email, user.password);
  return { ...user, token, api: apiClient(on.url, token) };
}

async function online(token: string, on: TestServer = server): Promise<ClientSocket> {
  const socket = await connectClient(on.url, { token });
  sockets.push(socket);
  return socket;
}

async function customer(api: ApiClient = admin): Promise<string> {
  const res = await api.post<{ id: string }>('/api/customers', { name: `Customer ${randomUUID().slice(0, 6)}`, phones: [`+1415555${String(1000 + Math.floor(Math.random() * 8999))}`] });
  expect(res.status).toBe(201);
  return res.body.id;
}

type Level = { level: number; assignTo: Record<string, string>; respondWithin: string; resolveWithin: string };
async function policy(levels: Level[], extra: Record<string, unknown> = {}, api: ApiClient = admin): Promise<string> {
  const name = `p-${randomUUID().slice(0, 8)}`;
  // A policy with no categories or severities is a catch-all that beats `default`: keep test policies to themselves.
  const res = await api.put(`/api/escalation-policies/${name}`, { levels, categories: [`only-${name}`], ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return name;
}

interface Created {
  id: string;
  level: number;
  assigneeId: string | null;
  respondBy: string;
  resolveBy: string;
}
async function open(fields: Record<string, unknown>, api: ApiClient = admin): Promise<Created> {
  const res = await api.post<Created>('/api/complaints', { summary: 'Parcel arrived broken', category: 'delivery', severity: 'high', ...fields });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const row = async (id: string, on: TestServer = server) => (await on.sb.ctx.db.select().from(complaints).where(eq(complaints.id, id)))[0]!;
const eventsOf = async (id: string, on: TestServer = server) =>
  on.sb.ctx.db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, id)).orderBy(complaintEvents.at, complaintEvents.id);

describe('links of a new complaint', () => {
  it("takes a call of the same customer or of no one, and refuses another customer's call", async () => {
    const sql = server.sb.ctx.database.sql;
    const [mine, other] = [await customer(), await customer()];
    const call = async (customerId: string | null) =>
      (await sql<{ id: string }[]>`insert into calls (provider, provider_call_id, from_number, to_number, state, started_at, customer_id)
        values ('cti', ${randomUUID()}, '+14155550123', '+14155550100', 'completed', now(), ${customerId}) returning id`)[0]!.id;
    const name = await policy([{ level: 1, assignTo: { role: 'complaint_handler' }, respondWithin: 'PT1H', resolveWithin: 'P1D' }]);

    const refused = await admin.post('/api/complaints', { summary: 'Wrong call', category: 'delivery', severity: 'low', customerId: mine, policy: name, callId: await call(other) });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ details: [{ path: 'callId', message: 'the call belongs to another customer' }] });
    expect(await sql`select 1 from complaints where customer_id = ${mine}`).toHaveLength(0);

    expect((await open({ customerId: mine, policy: name, callId: await call(mine) })).id).toBeTruthy();
    expect((await open({ customerId: mine, policy: name, callId: await call(null) })).id).toBeTruthy();
  });
});

describe('assignment under concurrency', () => {
  it('spreads complaints opened at the same moment evenly over a queue, none lost or doubled', async () => {
    const queue = `spread-${randomUUID().slice(0, 6)}`;
    expect((await admin.post('/api/queues', { name: queue, numbers: [] })).status).toBe(201);
    const members = await Promise.all(Array.from({ length: 4 }, () => person('agent')));
    for (const m of members) {
      await server.sb.ctx.database.sql`insert into user_queues (user_id, queue_id) select ${m.id}, id from queues where name = ${queue}`;
    }
    const name = await policy([{ level: 1, assignTo: { queue }, respondWithin: 'PT1H', resolveWithin: 'P1D' }]);
    const customerId = await customer();
    const created = await Promise.all(Array.from({ length: 12 }, () => open({ customerId, policy: name })));
    const perAssignee = new Map<string, number>();
    for (const c of created) perAssignee.set(c.assigneeId!, (perAssignee.get(c.assigneeId!) ?? 0) + 1);
    expect([...perAssignee.keys()].sort()).toEqual(members.map((m) => m.id).sort());
    expect([...perAssignee.values()]).toEqual([3, 3, 3, 3]);
  });
});

describe('escalation ladder', () => {
  it('climbs three levels to the right assignees, with events and complaint:assigned at each step', async () => {
    const first = await person('complaint_handler');
    const busy = await person('agent');
    const free = await person('agent');
    const top = await person('admin');
    const queue = `ladder-${randomUUID().slice(0, 6)}`;
    expect((await admin.post('/api/queues', { name: queue, numbers: [] })).status).toBe(201);
    for (const member of [busy, free]) {
      await server.sb.ctx.database.sql`insert into user_queues (user_id, queue_id) select ${member.id}, id from queues where name = ${queue}`;
    }
    // `busy` already owns an open complaint, so the queue's least-loaded member is `free`.
    const preload = await policy([{ level: 1, assignTo: { userId: busy.id }, respondWithin: 'PT1H', resolveWithin: 'P1D' }]);
    await open({ customerId: await customer(), policy: preload });

    const ladder = await policy([
      { level: 1, assignTo: { userId: first.id }, respondWithin: 'PT1S', resolveWithin: 'PT60S' },
      { level: 2, assignTo: { queue }, respondWithin: 'PT1S', resolveWithin: 'PT60S' },
      { level: 3, assignTo: { role: 'admin' }, respondWithin: 'PT1S', resolveWithin: 'PT60S' },
    ]);
    const firstSocket = await online(first.token);
    const freeSocket = await online(free.token);
    const firstAssigned = nextEvent(firstSocket, 'complaint:assigned');
    const secondAssigned = nextEvent(freeSocket, 'complaint:assigned', (e) => e.complaint.level === 2, 4000);

    const created = await open({ customerId: await customer(), policy: ladder });
    expect(created).toMatchObject({ level: 1, assigneeId: first.id });
    expect(new Date(created.respondBy).getTime() - Date.now()).toBeLessThanOrEqual(1000);
    expect((await firstAssigned).complaint).toMatchObject({ id: created.id, level: 1, status: 'new', assigneeId: first.id });

    const atTwo = await secondAssigned;
    expect(atTwo.complaint).toMatchObject({ id: created.id, level: 2, assigneeId: free.id, status: 'new' });
    expect(atTwo.notificationId).toBeTruthy();

    const atThree = await waitFor(async () => ((await row(created.id)).level === 3 ? row(created.id) : undefined), 4000, 'level 3');
    const [topUser] = await server.sb.ctx.db.select().from(users).where(eq(users.id, atThree.assigneeId!));
    expect(topUser!.role).toBe('admin');
    // At the top the respond deadline is flagged once, the resolve deadline keeps running.
    await waitFor(async () => (await row(created.id)).topLevelOverdueAt !== null, 4000, 'top-level flag');
    expect((await row(created.id)).level).toBe(3);
    void top;

    const detail = await admin.get<{ events: Array<{ type: string; fromLevel: number | null; toLevel: number | null; assignee: { id: string } | null; note: string | null; actor: unknown }> }>(`/api/complaints/${created.id}`);
    expect(detail.status).toBe(200);
    const steps = detail.body.events.filter((e) => e.type !== 'warning');
    expect(steps.map((e) => [e.type, e.fromLevel, e.toLevel, e.note])).toEqual([
      ['created', null, 1, `policy ${ladder}`],
      ['escalated', 1, 2, 'respond_overdue'],
      ['escalated', 2, 3, 'respond_overdue'],
      ['escalation_exhausted', 3, 3, 'respond_overdue'],
    ]);
    expect(steps[1]!.assignee?.id).toBe(free.id);
    expect(steps[1]!.actor).toBeNull();
    // Each assignee was warned shortly before the deadline, once per level.
    expect(detail.body.events.filter((e) => e.type === 'warning').length).toBeGreaterThanOrEqual(1);
    const audits = await server.sb.ctx.database.sql`select action from audit_log where entity = 'complaint' and entity_id = ${created.id} order by id`;
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['complaint.create', 'complaint.escalate', 'complaint.escalation_exhausted']));

    const escalated = await admin.get<{ complaints: Array<{ id: string }> }>('/api/complaints?escalatedToMe=1');
    expect(escalated.status).toBe(200);
    const freeList = await free.api.get<{ complaints: Array<{ id: string; level: number }> }>('/api/complaints?escalatedToMe=1');
    expect(freeList.body.complaints.map((c) => c.id)).toContain(created.id);
  });

  it('acknowledging stops the respond deadline; the resolve deadline still escalates', async () => {
    const handler = await person('complaint_handler');
    const next = await person('supervisor');
    const name = await policy([
      { level: 1, assignTo: { userId: handler.id }, respondWithin: 'PT2S', resolveWithin: 'PT4S' },
      { level: 2, assignTo: { userId: next.id }, respondWithin: 'PT1H', resolveWithin: 'P1D' },
    ]);
    const created = await open({ customerId: await customer(), policy: name });
    const queue = server.sb.ctx.jobs.queue('complaints');
    await waitFor(async () => (await queue.getJob(deadlineJobId(created.id, 1, 'respond'))) !== undefined, 2000, 'respond timer');
    const acked = await handler.api.post<{ status: string; respondBy: string | null; nextDeadline: { kind: string } }>(`/api/complaints/${created.id}/acknowledge`);
    expect(acked.status).toBe(200);
    expect(acked.body).toMatchObject({ status: 'acknowledged', respondBy: null, nextDeadline: { kind: 'resolve' } });
    expect(await queue.getJob(deadlineJobId(created.id, 1, 'respond'))).toBeUndefined();
    expect(await queue.getJob(deadlineJobId(created.id, 1, 'resolve'))).toBeDefined();

    const moved = await waitFor(async () => ((await row(created.id)).level === 2 ? row(created.id) : undefined), 6000, 'resolve escalation');
    expect(moved.assigneeId).toBe(next.id);
    const escalations = (await eventsOf(created.id)).filter((e) => e.type === 'escalated');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]!.note).toBe('resolve_overdue');
    expect(escalations[0]!.at.getTime()).toBeGreaterThanOrEqual(new Date(created.resolveBy).getTime());
  });

  it('resolving stops the resolve deadline, and reopening restarts the clock at the current level', async () => {
    const handler = await person('complaint_handler');
    const next = await person('supervisor');
    const name = await policy([
      // Only the resolve window matters here; a long respond window keeps a slow machine from escalating first.
      { level: 1, assignTo: { userId: handler.id }, respondWithin: 'PT30S', resolveWithin: 'PT2S' },
      { level: 2, assignTo: { userId: next.id }, respondWithin: 'PT1H', resolveWithin: 'P1D' },
    ]);
    const created = await open({ customerId: await customer(), policy: name });
    expect((await handler.api.post(`/api/complaints/${created.id}/start`)).body).toMatchObject({ status: 'in_progress' });
    const resolved = await handler.api.post(`/api/complaints/${created.id}/resolve`, { note: 'Replacement sent' });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolveBy: null, nextDeadline: null });
    const queue = server.sb.ctx.jobs.queue('complaints');
    expect(await queue.getJob(deadlineJobId(created.id, 1, 'resolve'))).toBeUndefined();

    // Past the original resolve deadline (and a sweep over it) nothing moves.
    await waitFor(async () => Date.now() > new Date(created.resolveBy).getTime() + 300 || undefined, 4000, 'old deadline');
    await sweepDeadlines(server.sb.ctx, { horizonMs: 60_000 });
    expect(await row(created.id)).toMatchObject({ level: 1, status: 'resolved' });

    const reopenedAt = Date.now();
    const reopened = await handler.api.post<{ status: string; resolveBy: string; level: number }>(`/api/complaints/${created.id}/reopen`);
    expect(reopened.body).toMatchObject({ status: 'acknowledged', level: 1 });
    const resolveBy = new Date(reopened.body.resolveBy).getTime();
    expect(resolveBy).toBeGreaterThanOrEqual(reopenedAt + 2000 - 50);
    expect(resolveBy).toBeLessThanOrEqual(Date.now() + 2000);

    const moved = await waitFor(async () => ((await row(created.id)).level === 2 ? row(created.id) : undefined), 5000, 'escalation after reopen');
    expect(moved.assigneeId).toBe(next.id);
    const trail = await eventsOf(created.id);
    const escalation = trail.find((e) => e.type === 'escalated')!;
    expect(escalation.note).toBe('resolve_overdue');
    expect(escalation.at.getTime()).toBeGreaterThanOrEqual(resolveBy);
    expect(trail.filter((e) => e.type !== 'warning').map((e) => e.type)).toEqual(['created', 'start', 'resolve', 'reopen', 'escalated']);
    expect(trail.find((e) => e.type === 'resolve')).toMatchObject({ actorId: handler.id, note: 'Replacement sent', fromStatus: 'in_progress', toStatus: 'resolved' });
  });
});

describe('delivery, lifecycle and permissions', () => {
  it('delivers complaint:assigned to an offline assignee on their next connect, until acknowledged', async () => {
    const handler = await createUser(server.sb, { role: 'complaint_handler' });
    const name = await policy([{ level: 1, assignTo: { userId: handler.id }, respondWithin: 'PT1H', resolveWithin: 'P1D' }]);
    const created = await open({ customerId: await customer(), policy: name });

    const { token } = await login(server.url, handler.email, handler.password);
    const socket = await connectClient(server.url, { token, ...{} });
    sockets.push(socket);
    // The replay may already be in flight when the listener attaches: a second connect settles it.
    const replayed = await nextEvent(socket, 'complaint:assigned', (e) => e.complaint.id === created.id, 3000).catch(async () => {
      socket.close();
      const again = await online(token);
      return nextEvent(again, 'complaint:assigned', (e) => e.complaint.id === created.id, 3000);
    });
    expect(replayed.complaint).toMatchObject({ id: created.id, level: 1, status: 'new', assigneeId: handler.id });
    expect(replayed.notificationId).toBeTruthy();
    expect(await socket.emitWithAck('notification:ack', { id: replayed.notificationId! })).toMatchObject({ ok: true });
    const [stored] = await server.sb.ctx.db.select().from(notifications).where(eq(notifications.id, replayed.notificationId!));
    expect(stored!.ackedAt).not.toBeNull();
  });

  it('lets an agent open a complaint but not resolve one that is not theirs; the assignee may', async () => {
    const assigneeAgent = await person('agent');
    const stranger = await person('agent');
    const name = await policy([{ level: 1, assignTo: { userId: assigneeAgent.id }, respondWithin: 'PT1H', resolveWithin: 'P1D' }]);
    const created = await open({ customerId: await customer(), policy: name }, stranger.api);
    expect(created.assigneeId).toBe(assigneeAgent.id);

    expect((await stranger.api.post(`/api/complaints/${created.id}/resolve`, { note: 'not mine' })).status).toBe(403);
    expect((await stranger.api.post(`/api/complaints/${created.id}/acknowledge`)).status).toBe(403);
    expect((await assigneeAgent.api.post(`/api/complaints/${created.id}/resolve`, {})).status).toBe(400);
    expect((await assigneeAgent.api.post(`/api/complaints/${created.id}/reopen`)).status).toBe(409);
    expect((await assigneeAgent.api.post(`/api/complaints/${created.id}/resolve`, { note: 'Refunded' })).body).toMatchObject({ status: 'resolved' });
    expect((await stranger.api.put(`/api/escalation-policies/${name}`, { levels: [] })).status).toBe(403);
    expect((await admin.put(`/api/escalation-policies/${name}`, { levels: [{ level: 1, assignTo: { role: 'admin' }, respondWithin: 'P1M', resolveWithin: 'P1D' }] })).status).toBe(400);
    expect((await admin.post('/api/complaints', { customerId: created.id, summary: 'x', category: 'x', severity: 'low' })).status).toBe(404);
  });

  it('closing books the satisfaction follow-up after the configured delay', async () => {
    await server.sb.ctx.db.insert(settings).values({ key: 'satisfaction-delay', value: 'PT3H' }).onConflictDoUpdate({ target: settings.key, set: { value: 'PT3H' } });
    const handler = await person('complaint_handler');
    const name = await policy([{ level: 1, assignTo: { userId: handler.id }, respondWithin: 'PT1H', resolveWithin: 'P1D' }]);
    const customerId = await customer();
    const created = await open({ customerId, policy: name });
    await handler.api.post(`/api/complaints/${created.id}/resolve`, { note: 'Refunded' });
    const closedAt = Date.now();
    const closed = await handler.api.post(`/api/complaints/${created.id}/close`, { note: 'Customer confirmed' });
    expect(closed.body).toMatchObject({ status: 'closed' });
    const [follow] = await server.sb.ctx.db.select().from(followUps).where(and(eq(followUps.complaintId, created.id), eq(followUps.kind, 'satisfaction')));
    expect(follow).toMatchObject({ customerId, assigneeId: handler.id, status: 'pending' });
    expect(Math.abs(follow!.dueAt.getTime() - (closedAt + 3 * 3600_000))).toBeLessThan(5000);
    expect(await hasFollowUpTimer(server.sb.ctx, follow!.id, 1)).toBe(true);
    await server.sb.ctx.db.delete(settings).where(eq(settings.key, 'satisfaction-delay'));
  });

  it('reopening cancels the satisfaction call booked at close, also one already offered, with its timer and unread pop', async () => {
    const handler = await person('complaint_handler');
    const name = await policy([{ level: 1, assignTo: { userId: handler.id }, respondWithin: 'PT1H', resolveWithin: 'P1D' }]);
    const created = await open({ customerId: await customer(), policy: name });
    await handler.api.post(`/api/complaints/${created.id}/resolve`, { note: 'Refunded' });
    await handler.api.post(`/api/complaints/${created.id}/close`, { note: 'Customer confirmed' });
    const db = server.sb.ctx.db;
    const [follow] = await db.select().from(followUps).where(and(eq(followUps.complaintId, created.id), eq(followUps.kind, 'satisfaction')));
    expect(await hasFollowUpTimer(server.sb.ctx, follow!.id, 1)).toBe(true);
    // It is on the handler's screen already (as the due timer would have left it).
    await db.update(followUps).set({ status: 'offered', offeredTo: handler.id, offeredAt: new Date() }).where(eq(followUps.id, follow!.id));
    const [pop] = await db.insert(notifications).values({ userId: handler.id, event: 'followup:due', payload: { followUp: { id: follow!.id } } }).returning();

    expect((await handler.api.post(`/api/complaints/${created.id}/reopen`)).status).toBe(200);
    const [after] = await db.select().from(followUps).where(eq(followUps.id, follow!.id));
    expect(after).toMatchObject({ status: 'cancelled' });
    expect(after!.completedAt).not.toBeNull();
    expect(await hasFollowUpTimer(server.sb.ctx, follow!.id, 1)).toBe(false);
    const [settled] = await db.select().from(notifications).where(eq(notifications.id, pop!.id));
    expect(settled!.ackedAt).not.toBeNull();
  });

  it('chooses the policy by name, by category/severity, else the built-in default; lists by nearest deadline', async () => {
    const handler = await person('complaint_handler');
    await policy([{ level: 1, assignTo: { userId: handler.id }, respondWithin: 'PT2H', resolveWithin: 'P1D' }], { categories: ['Billing'] });
    const customerId = await customer();
    const billing = await open({ customerId, category: 'billing', severity: 'low' });
    expect(billing.assigneeId).toBe(handler.id);
    const fallback = await open({ customerId, category: 'weather', severity: 'low' });
    const list = await admin.get<{ policies: Array<{ name: string; levels: Array<{ assignTo: unknown; respondWithin: string }> }> }>('/api/escalation-policies');
    expect(list.body.policies.find((p) => p.name === 'default')?.levels[0]).toMatchObject({ assignTo: { role: 'complaint_handler' }, respondWithin: 'PT1H' });
    expect((await admin.post('/api/complaints', { customerId, summary: 'x', category: 'x', severity: 'low', policy: 'nope' })).status).toBe(400);

    const earlier = await policy([{ level: 1, assignTo: { userId: handler.id }, respondWithin: 'PT5M', resolveWithin: 'P1D' }]);
    const urgent = await open({ customerId, policy: earlier });
    const mine = await handler.api.get<{ complaints: Array<{ id: string; customer: { id: string; segment: unknown; name: string } }> }>('/api/complaints?mine=1');
    expect(mine.body.complaints.map((c) => c.id)).toEqual([urgent.id, billing.id]);
    expect(mine.body.complaints[0]!.customer).toMatchObject({ id: customerId, segment: null });
    expect(fallback.level).toBe(1);
  });
});

describe('restarts and duplicate runs', () => {
  let isolated: TestDatabase;
  beforeAll(async () => {
    // Its own database: no other server's periodic sweep may do the restarted server's work.
    isolated = await createTestDatabase('complaintsrestart');
  });
  afterAll(async () => {
    await isolated?.drop();
  });

  /**
   * A process that dies with a deadline pending: server A takes the complaint and stops before the
   * timer fires (its workers never run, as after kill -9). Spawning a real child server costs ~10 s of
   * tsx start-up here, so the crash is simulated in-process; what matters is what the next boot finds.
   */
  async function crashWithPendingDeadline(prefix: string, flushTimers: boolean) {
    const a = await startTestServer(isolated.url, { API_TOKEN, REDIS_PREFIX: prefix }, { workers: false });
    const h = await createUser(a.sb, { role: 'complaint_handler' });
    const s = await createUser(a.sb, { role: 'supervisor' });
    const api = apiClient(a.url, API_TOKEN);
    const name = await policy(
      [
        { level: 1, assignTo: { userId: h.id }, respondWithin: 'PT1S', resolveWithin: 'P1D' },
        { level: 2, assignTo: { userId: s.id }, respondWithin: 'PT1H', resolveWithin: 'P1D' },
      ],
      {},
      api,
    );
    const created = await open({ customerId: await customer(api), policy: name }, api);
    expect(await a.sb.ctx.jobs.queue('complaints').getJob(deadlineJobId(created.id, 1, 'respond'))).toBeDefined();
    await a.sb.close(); // not a.close(): that would clear the Redis prefix
    if (flushTimers) await clearPrefix(prefix); // worst case: Redis lost the timer too
    await waitFor(async () => Date.now() > new Date(created.respondBy).getTime() + 200 || undefined, 5000, 'deadline to pass');
    return { created, supervisorId: s.id };
  }

  it('a deadline that passed while no server ran escalates within 5 s of the next boot, though Redis lost the timer', async () => {
    const prefix = uniquePrefix('crash');
    const { created, supervisorId } = await crashWithPendingDeadline(prefix, true);
    const bootAt = Date.now();
    const restarted = await startTestServer(isolated.url, { API_TOKEN, REDIS_PREFIX: prefix });
    try {
      const moved = await waitFor(async () => ((await row(created.id, restarted)).level === 2 ? row(created.id, restarted) : undefined), 5000, 'boot sweep escalation');
      expect(Date.now() - bootAt).toBeLessThan(5000);
      expect(moved.assigneeId).toBe(supervisorId);
      expect((await eventsOf(created.id, restarted)).filter((e) => e.type === 'escalated')).toHaveLength(1);
      // The boot sweep re-created the new level's timers.
      expect(await restarted.sb.ctx.jobs.queue('complaints').getJob(deadlineJobId(created.id, 2, 'respond'))).toBeDefined();
    } finally {
      await restarted.close();
    }
  });

  it('when the timer survived too, the timer and the boot sweep together escalate once', async () => {
    const prefix = uniquePrefix('crash');
    const { created, supervisorId } = await crashWithPendingDeadline(prefix, false);
    const restarted = await startTestServer(isolated.url, { API_TOKEN, REDIS_PREFIX: prefix });
    try {
      const moved = await waitFor(async () => ((await row(created.id, restarted)).level === 2 ? row(created.id, restarted) : undefined), 5000, 'escalation');
      expect(moved.assigneeId).toBe(supervisorId);
      await waitFor(async () => (await restarted.sb.ctx.jobs.queue('complaints').getJob(deadlineJobId(created.id, 1, 'respond'))) === undefined, 3000, 'old timer done');
      expect((await eventsOf(created.id, restarted)).filter((e) => e.type === 'escalated')).toHaveLength(1);
    } finally {
      await restarted.close();
    }
  });

  it('duplicate timer runs and sweeps escalate once, and the new assignee is told once', async () => {
    // Workers off: nothing fires by itself, the test runs the handler as BullMQ would (and again, and again).
    const quiet = await startTestServer(isolated.url, { API_TOKEN }, { workers: false });
    try {
      const api = apiClient(quiet.url, API_TOKEN);
      const h = await createUser(quiet.sb, { role: 'complaint_handler' });
      const s = await createUser(quiet.sb, { role: 'supervisor' });
      const name = await policy(
        [
          { level: 1, assignTo: { userId: h.id }, respondWithin: 'PT1S', resolveWithin: 'P1D' },
          { level: 2, assignTo: { userId: s.id }, respondWithin: 'PT1H', resolveWithin: 'P1D' },
        ],
        {},
        api,
      );
      const created = await open({ customerId: await customer(api), policy: name }, api);
      await waitFor(async () => Date.now() > new Date(created.respondBy).getTime() + 50 || undefined, 3000, 'deadline to pass');
      const data = { complaintId: created.id, level: 1, kind: 'respond' as const };
      await Promise.all([
        ...Array.from({ length: 6 }, () => handleComplaintDeadline(quiet.sb.ctx, data)),
        sweepDeadlines(quiet.sb.ctx, { horizonMs: null }),
        sweepDeadlines(quiet.sb.ctx, { horizonMs: null }),
      ]);
      await handleComplaintDeadline(quiet.sb.ctx, data); // a late retry, after all that
      expect((await row(created.id, quiet)).level).toBe(2);
      expect((await eventsOf(created.id, quiet)).filter((e) => e.type === 'escalated')).toHaveLength(1);
      const told = await quiet.sb.ctx.db.select().from(notifications).where(and(eq(notifications.userId, s.id), eq(notifications.event, 'complaint:assigned')));
      expect(told).toHaveLength(1);
      // The level-2 timers exist once, keyed by complaint and level.
      expect(await quiet.sb.ctx.jobs.queue('complaints').getJob(deadlineJobId(created.id, 2, 'respond'))).toBeDefined();
    } finally {
      await quiet.close();
    }
  });
});
