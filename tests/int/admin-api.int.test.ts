import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { producerConnection } from '../../workers/redis';
import { JobClient } from '../../workers/client';
import { upsertOrder } from '../../server/orders/upsert-order';
import { onOrderChanged } from '../../server/orders/on-order-changed';
import { auditLog, orders, queueNumbers, queues, teams, userQueues, users } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { createUser, login, startTestServer, type TestServer } from '../support/test-server';

const API_TOKEN = 'admin-api-test-token';
const asApi = { authorization: `Bearer ${API_TOKEN}` };

let db: TestDatabase;
let server: TestServer;
let agentAuth: Record<string, string>;
let supervisorAuth: Record<string, string>;
let adminAuth: Record<string, string>;

beforeAll(async () => {
  db = await createTestDatabase('adminapi');
  // Workers off: the value-recompute job stays in Redis where the test can see it.
  server = await startTestServer(db.url, { API_TOKEN }, { workers: false });
  const agent = await createUser(server.sb, { role: 'agent' });
  const supervisor = await createUser(server.sb, { role: 'supervisor' });
  const admin = await createUser(server.sb, { role: 'admin' });
  agentAuth = { authorization: `Bearer ${(await login(server.url, agent.email, agent.password)).token}` };
  supervisorAuth = { authorization: `Bearer ${(await login(server.url, supervisor.email, supervisor.password)).token}` };
  adminAuth = { authorization: `Bearer ${(await login(server.url, admin.email, admin.password)).token}` };
});
afterAll(async () => {
  await server?.close();
  await db?.drop();
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (text ? JSON.parse(text) : null) as any };
}
const post = (path: string, body: unknown, headers: Record<string, string> = asApi) => call('POST', path, body, headers);
const paths = (body: { details?: Array<{ path: string }> }) => (body.details ?? []).map((d) => d.path);
const uniq = (label: string) => `${label}-${Math.random().toString(36).slice(2, 8)}`;

async function newCustomer(name = 'Order Customer'): Promise<string> {
  const res = await post('/api/customers', { name, phones: [] });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('role enforcement on the admin API', () => {
  const writes: Array<[string, () => unknown]> = [
    ['/api/users', () => ({ email: `${uniq('u')}@example.test`, name: 'N', password: 'long enough', role: 'agent' })],
    ['/api/queues', () => ({ name: uniq('q'), numbers: [] })],
    ['/api/orders', () => ({ customerId: '00000000-0000-4000-8000-000000000000', externalId: uniq('o'), total: 1, currency: 'USD', status: 'paid', placedAt: new Date().toISOString() })],
  ];

  it.each(writes)('%s: no credentials → 401, an agent or supervisor → 403, a forged token → 401', async (path, body) => {
    expect((await post(path, body(), {})).status).toBe(401);
    expect((await post(path, body(), { authorization: 'Bearer not-the-token' })).status).toBe(401);
    expect((await post(path, body(), agentAuth)).status).toBe(403);
    expect((await post(path, body(), supervisorAuth)).status).toBe(403);
  });

  it('lets the API_TOKEN and an admin session through', async () => {
    expect((await post('/api/users', writes[0]![1](), asApi)).status).toBe(201);
    expect((await post('/api/users', writes[0]![1](), adminAuth)).status).toBe(201);
    expect((await post('/api/queues', writes[1]![1](), adminAuth)).status).toBe(201);
  });

  it('accepts an admin cookie session from our own origin only', async () => {
    const admin = await createUser(server.sb, { role: 'admin' });
    const { cookie } = await login(server.url, admin.email, admin.password);
    expect((await post('/api/queues', { name: uniq('q') }, { cookie, origin: server.url })).status).toBe(201);
    expect((await post('/api/queues', { name: uniq('q') }, { cookie, origin: 'https://evil.example' })).status).toBe(403);
  });

  it('GET /api/queues: admins and supervisors, not agents', async () => {
    expect((await call('GET', '/api/queues', undefined, {})).status).toBe(401);
    expect((await call('GET', '/api/queues', undefined, agentAuth)).status).toBe(403);
    expect((await call('GET', '/api/queues', undefined, supervisorAuth)).status).toBe(200);
    expect((await call('GET', '/api/queues', undefined, asApi)).status).toBe(200);
  });
});

describe('POST /api/users', () => {
  it('creates a user who can log in, with a hashed password, their team and queues, and audits it without secrets', async () => {
    const sales = uniq('sales');
    const support = uniq('support');
    expect((await post('/api/queues', { name: sales })).status).toBe(201);
    expect((await post('/api/queues', { name: support })).status).toBe(201);
    const team = uniq('Team Shanghai');
    const email = `${uniq('li.na')}@Example.TEST`;
    const res = await post('/api/users', { email, name: '李娜', password: 'secret-pass-1', role: 'agent', queues: [sales, support], team, locale: 'zh-CN' });
    expect(res.status).toBe(201);
    const id = res.body.id as string;

    const [row] = await server.sb.ctx.db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({ email: email.toLowerCase(), name: '李娜', role: 'agent', locale: 'zh-CN' });
    expect(row!.passwordHash).toMatch(/^scrypt\$/);
    expect(row!.passwordHash).not.toContain('secret-pass-1');
    const [teamRow] = await server.sb.ctx.db.select().from(teams).where(eq(teams.name, team));
    expect(row!.teamId).toBe(teamRow!.id);
    const memberships = await server.sb.ctx.db.select({ name: queues.name }).from(userQueues).innerJoin(queues, eq(queues.id, userQueues.queueId)).where(eq(userQueues.userId, id));
    expect(memberships.map((m) => m.name).sort()).toEqual([sales, support].sort());

    const session = await login(server.url, email, 'secret-pass-1');
    expect(session.user).toMatchObject({ id, role: 'agent' });

    const audit = await server.sb.ctx.db.select().from(auditLog).where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'user.create', actorKind: 'api-token', actorId: null });
    expect(JSON.stringify(audit[0]!.data)).not.toMatch(/secret-pass-1|scrypt/);
  });

  it('reuses an existing team by name and records the admin as actor', async () => {
    const team = uniq('Team Reuse');
    const admin = await createUser(server.sb, { role: 'admin' });
    const auth = { authorization: `Bearer ${(await login(server.url, admin.email, admin.password)).token}` };
    const a = await post('/api/users', { email: `${uniq('a')}@example.test`, name: 'A', password: 'password1', role: 'supervisor', team }, auth);
    const b = await post('/api/users', { email: `${uniq('b')}@example.test`, name: 'B', password: 'password1', role: 'agent', team }, auth);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(await server.sb.ctx.db.select().from(teams).where(eq(teams.name, team))).toHaveLength(1);
    const [entry] = await server.sb.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, a.body.id));
    expect(entry).toMatchObject({ actorKind: 'user', actorId: admin.id });
  });

  it('answers 409 for an email already in use, whatever its case', async () => {
    const email = `${uniq('dup')}@example.test`;
    expect((await post('/api/users', { email, name: 'One', password: 'password1', role: 'agent' })).status).toBe(201);
    const again = await post('/api/users', { email: email.toUpperCase(), name: 'Two', password: 'password1', role: 'agent' });
    expect(again.status).toBe(409);
    expect(await server.sb.ctx.db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });

  it('validates the body: short password, bad role, bad email', async () => {
    const res = await post('/api/users', { email: 'not-an-email', name: 'X', password: 'short', role: 'boss' });
    expect(res.status).toBe(400);
    expect(paths(res.body)).toEqual(expect.arrayContaining(['email', 'password', 'role']));
  });

  it('refuses an unknown queue with 400 naming it, and writes nothing (not even the new team)', async () => {
    const known = uniq('known');
    expect((await post('/api/queues', { name: known })).status).toBe(201);
    const team = uniq('Team Never');
    const email = `${uniq('nq')}@example.test`;
    const res = await post('/api/users', { email, name: 'X', password: 'password1', role: 'agent', queues: [known, 'no-such-queue'], team });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('no-such-queue');
    expect(paths(res.body)).toEqual(['queues.1']);
    expect(await server.sb.ctx.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    expect(await server.sb.ctx.db.select().from(teams).where(eq(teams.name, team))).toHaveLength(0);
  });
});

describe('POST /api/queues and GET /api/queues', () => {
  it('creates a queue with normalised numbers, its settings and an audit row', async () => {
    const name = uniq('billing');
    const res = await post('/api/queues', {
      name,
      numbers: ['+1 (415) 555-0199', '415-555-0198', '+14155550199'],
      serviceLevelSeconds: 30,
      timezone: 'America/Los_Angeles',
      businessHours: { weekly: { '1': [['09:00', '17:00']], '6': [['10:00', '14:00']] }, holidays: ['2030-12-25'] },
    });
    expect(res.status).toBe(201);
    const [queue] = await server.sb.ctx.db.select().from(queues).where(eq(queues.id, res.body.id));
    expect(queue).toMatchObject({ name, serviceLevelSeconds: 30, timezone: 'America/Los_Angeles', businessHours: { weekly: { '1': [['09:00', '17:00']] }, holidays: ['2030-12-25'] } });
    const numbers = await server.sb.ctx.db.select().from(queueNumbers).where(eq(queueNumbers.queueId, queue!.id));
    expect(numbers.map((n) => n.e164).sort()).toEqual(['+14155550198', '+14155550199']);
    const audit = await server.sb.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, queue!.id));
    expect(audit.map((a) => a.action)).toEqual(['queue.create']);
  });

  it('defaults serviceLevelSeconds to 20 and the time zone to UTC', async () => {
    const res = await post('/api/queues', { name: uniq('plain'), numbers: ['+14155550170'] });
    const [queue] = await server.sb.ctx.db.select().from(queues).where(eq(queues.id, res.body.id));
    expect(queue).toMatchObject({ serviceLevelSeconds: 20, timezone: 'UTC', businessHours: null });
  });

  it('refuses an unreadable number with 400 naming numbers.N, a bad time zone and bad hours', async () => {
    const bad = await post('/api/queues', { name: uniq('bad'), numbers: ['+14155550160', 'not a number'] });
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(['numbers.1']);
    const zone = await post('/api/queues', { name: uniq('bad'), timezone: 'Mars/Olympus', businessHours: { weekly: { '8': [['09:00', '08:00']] } } });
    expect(zone.status).toBe(400);
    expect(paths(zone.body)).toEqual(expect.arrayContaining(['timezone']));
    expect(paths(zone.body).some((p) => p.startsWith('businessHours'))).toBe(true);
  });

  it('answers 409 for a number owned by another queue and keeps nothing of the new queue', async () => {
    const owner = uniq('owner');
    expect((await post('/api/queues', { name: owner, numbers: ['+14155550150'] })).status).toBe(201);
    const name = uniq('thief');
    const team = uniq('Team Thief');
    const res = await post('/api/queues', { name, numbers: ['+14155550151', '+1 415 555 0150'], team });
    expect(res.status).toBe(409);
    expect(paths(res.body)).toEqual(['numbers.1']);
    expect(res.body.details[0].message).toContain(owner);
    expect(await server.sb.ctx.db.select().from(queues).where(eq(queues.name, name))).toHaveLength(0);
    expect(await server.sb.ctx.db.select().from(queueNumbers).where(eq(queueNumbers.e164, '+14155550151'))).toHaveLength(0);
    expect(await server.sb.ctx.db.select().from(teams).where(eq(teams.name, team))).toHaveLength(0);
    const [ownerRow] = await server.sb.ctx.db.select().from(queueNumbers).where(eq(queueNumbers.e164, '+14155550150'));
    const [ownerQueue] = await server.sb.ctx.db.select().from(queues).where(eq(queues.name, owner));
    expect(ownerRow!.queueId).toBe(ownerQueue!.id);
  });

  it('answers 409 for a queue name already in use', async () => {
    const name = uniq('twice');
    expect((await post('/api/queues', { name })).status).toBe(201);
    expect((await post('/api/queues', { name })).status).toBe(409);
  });

  it('lists queues with their numbers; a supervisor with a team sees that team and queues of no team', async () => {
    const teamA = uniq('Team A');
    const qa = uniq('qa');
    const qb = uniq('qb');
    expect((await post('/api/queues', { name: qa, numbers: ['+14155550140'], team: teamA })).status).toBe(201);
    expect((await post('/api/queues', { name: qb, numbers: ['+14155550141'], team: uniq('Team B') })).status).toBe(201);

    const all = await call('GET', '/api/queues', undefined, asApi);
    const byName = new Map((all.body.queues as Array<{ name: string; numbers: string[] }>).map((q) => [q.name, q]));
    expect(byName.get(qa)).toMatchObject({ numbers: ['+14155550140'], serviceLevelSeconds: 20, timezone: 'UTC' });
    expect(byName.has(qb)).toBe(true);

    const sup = await post('/api/users', { email: `${uniq('sup')}@example.test`, name: 'Sup', password: 'password1', role: 'supervisor', team: teamA });
    const [supRow] = await server.sb.ctx.db.select().from(users).where(eq(users.id, sup.body.id));
    const { token } = await login(server.url, supRow!.email, 'password1');
    const scoped = await call('GET', '/api/queues', undefined, { authorization: `Bearer ${token}` });
    // As on the queue board: the team's queues and the queues of no team, never another team's.
    const seen = (scoped.body.queues as Array<{ name: string; teamId: string | null }>);
    expect(seen.map((q) => q.name)).toContain(qa);
    expect(seen.map((q) => q.name)).not.toContain(qb);
    expect(seen.every((q) => q.teamId === null || q.teamId === supRow!.teamId)).toBe(true);
    expect(seen.some((q) => q.teamId === null)).toBe(true);
  });

  it('GET /api/teams: every team by name for admins and supervisors without a team, only their own for a team supervisor, never agents', async () => {
    const teamA = uniq('Team A');
    const teamB = uniq('Team B');
    expect((await post('/api/queues', { name: uniq('qta'), team: teamA })).status).toBe(201);
    expect((await post('/api/queues', { name: uniq('qtb'), team: teamB })).status).toBe(201);
    expect((await call('GET', '/api/teams')).status).toBe(401);
    expect((await call('GET', '/api/teams', undefined, agentAuth)).status).toBe(403);

    const all = await call('GET', '/api/teams', undefined, adminAuth);
    expect(all.status).toBe(200);
    const names = (all.body.teams as Array<{ id: string; name: string }>).map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining([teamA, teamB]));
    expect(names.indexOf(teamA)).toBeLessThan(names.indexOf(teamB));
    expect((await call('GET', '/api/teams', undefined, supervisorAuth)).body.teams).toHaveLength(names.length);

    const sup = await post('/api/users', { email: `${uniq('tsup')}@example.test`, name: 'Team Sup', password: 'password1', role: 'supervisor', team: teamB });
    const [supRow] = await server.sb.ctx.db.select().from(users).where(eq(users.id, sup.body.id));
    const { token } = await login(server.url, supRow!.email, 'password1');
    const scoped = await call('GET', '/api/teams', undefined, { authorization: `Bearer ${token}` });
    expect(scoped.body.teams).toEqual([{ id: supRow!.teamId, name: teamB }]);
  });
});

describe('POST /api/orders', () => {
  const order = (customerId: string, externalId: string, extra: Record<string, unknown> = {}) => ({
    customerId,
    externalId,
    total: '129.90',
    currency: 'cny',
    status: 'paid',
    placedAt: '2030-03-01T08:30:00+08:00',
    items: [{ sku: 'TEA-1', name: '龙井 Longjing', quantity: 2, unitPrice: 64.95 }],
    ...extra,
  });

  it('creates with 201, then the same externalId updates with 200: one row, never a duplicate', async () => {
    const customerId = await newCustomer();
    const externalId = uniq('SO');
    const first = await post('/api/orders', order(customerId, externalId));
    expect(first.status).toBe(201);
    const second = await post('/api/orders', order(customerId, externalId, { total: 150.5, status: 'refunded', margin: '-3.25' }));
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);

    const rows = await server.sb.ctx.db.select().from(orders).where(eq(orders.externalId, externalId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ total: '150.5000', margin: '-3.2500', currency: 'CNY', status: 'refunded', customerId });
    expect(rows[0]!.placedAt.toISOString()).toBe('2030-03-01T00:30:00.000Z');
    expect(rows[0]!.items).toEqual([{ sku: 'TEA-1', name: '龙井 Longjing', quantity: 2, unitPrice: 64.95 }]);
    const audit = await server.sb.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, first.body.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['order.create', 'order.update']);
  });

  it('keeps money exact: decimal strings are stored as numeric, never through floats', async () => {
    const customerId = await newCustomer();
    const res = await post('/api/orders', order(customerId, uniq('SO'), { total: '12345678901234.5678', margin: 0.1 }));
    expect(res.status).toBe(201);
    const [row] = await server.sb.ctx.db.select().from(orders).where(eq(orders.id, res.body.id));
    expect(row).toMatchObject({ total: '12345678901234.5678', margin: '0.1000' });
  });

  it('queues the customer value recompute with a stable job id', async () => {
    const customerId = await newCustomer();
    expect((await post('/api/orders', order(customerId, uniq('SO')))).status).toBe(201);
    expect((await post('/api/orders', order(customerId, uniq('SO')))).status).toBe(201);
    const job = await server.sb.ctx.jobs.queue('customers').getJob(`value-${customerId}`);
    expect(job?.name).toBe('customers.recompute-value');
    expect(job?.data).toEqual({ customerId });
  });

  it('validates: unknown customer, bad currency, bad amount, bad date', async () => {
    const unknown = await post('/api/orders', order('11111111-1111-4111-8111-111111111111', uniq('SO')));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/unknown customer/);
    expect(paths(unknown.body)).toEqual(['customerId']);

    const customerId = await newCustomer();
    const bad = await post('/api/orders', order(customerId, uniq('SO'), { currency: 'US$', total: '12.3.4', margin: 1.23456, placedAt: 'yesterday' }));
    expect(bad.status).toBe(400);
    expect(paths(bad.body).sort()).toEqual(['currency', 'margin', 'placedAt', 'total']);
    expect(await server.sb.ctx.db.select().from(orders).where(eq(orders.customerId, customerId))).toHaveLength(0);
  });

  it('moves an order to another customer without duplicating it', async () => {
    const a = await newCustomer('Old Owner');
    const b = await newCustomer('New Owner');
    const externalId = uniq('SO');
    expect((await post('/api/orders', order(a, externalId))).status).toBe(201);
    expect((await post('/api/orders', order(b, externalId))).status).toBe(200);
    const rows = await server.sb.ctx.db.select().from(orders).where(eq(orders.externalId, externalId));
    expect(rows.map((r) => r.customerId)).toEqual([b]);
    expect(await server.sb.ctx.jobs.queue('customers').getJob(`value-${a}`)).toBeDefined();
  });
});

describe('with Redis unreachable', () => {
  // The server needs Redis to boot (routing, timers); this is Redis going away afterwards: the
  // order is committed and the recompute enqueue fails fast and is logged, never failing the request.
  it('still records an order upsert, logging the failed enqueue instead of failing', async () => {
    const customerId = await newCustomer();
    const deadRedis = producerConnection('redis://127.0.0.1:9');
    const deadJobs = new JobClient(deadRedis, 'sbt-dead');
    const ctx = { ...server.sb.ctx, redis: deadRedis, jobs: deadJobs };
    try {
      const result = await upsertOrder(ctx.db, { kind: 'integration' }, {
        customerId, externalId: uniq('SO'), total: '10', currency: 'USD', status: 'paid', placedAt: new Date('2030-01-01T00:00:00Z'),
      } as Parameters<typeof upsertOrder>[2]);
      const started = Date.now();
      await onOrderChanged(ctx, customerId);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(await server.sb.ctx.db.select().from(orders).where(eq(orders.id, result.id))).toHaveLength(1);
    } finally {
      deadRedis.disconnect();
      await deadJobs.close().catch(() => {});
    }
  });
});

describe('PUT /api/settings/dispositions', () => {
  it('replaces the wrap-up list for everyone, for admins only, and refuses a bad list whole', async () => {
    const list = ['resolved', 'sale', '已回访'];
    expect((await call('PUT', '/api/settings/dispositions', { dispositions: list }, agentAuth)).status).toBe(403);
    expect((await call('PUT', '/api/settings/dispositions', { dispositions: list }, supervisorAuth)).status).toBe(403);
    const saved = await call('PUT', '/api/settings/dispositions', { dispositions: list }, adminAuth);
    expect(saved).toMatchObject({ status: 200, body: { dispositions: list } });
    expect((await call('GET', '/api/settings/dispositions', undefined, agentAuth)).body).toEqual({ dispositions: list });

    for (const bad of [{ dispositions: [] }, { dispositions: ['sale', 'sale'] }, { dispositions: [''] }, {}]) {
      expect((await call('PUT', '/api/settings/dispositions', bad, asApi)).status).toBe(400);
    }
    expect((await call('GET', '/api/settings/dispositions', undefined, agentAuth)).body).toEqual({ dispositions: list });
    const audit = await server.sb.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'settings.dispositions'));
    expect(audit).toHaveLength(1);
  });
});
