import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import { auditLog, customerPhones, customers, teams } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { createUser, login, startTestServer, type TestServer } from '../support/test-server';

const API_TOKEN = 'customers-api-test-token';
const asApi = { authorization: `Bearer ${API_TOKEN}` };

let db: TestDatabase;
/** Two servers on one database: national numbers read as Chinese by one and as American by the other. */
let cn: TestServer;
let us: TestServer;

beforeAll(async () => {
  db = await createTestDatabase('customersapi');
  cn = await startTestServer(db.url, { API_TOKEN, DEFAULT_REGION: 'CN' }, { workers: false });
  us = await startTestServer(db.url, { API_TOKEN, DEFAULT_REGION: 'US' }, { workers: false });
});
afterAll(async () => {
  await Promise.all([cn?.close(), us?.close()]);
  await db?.drop();
});

interface CustomerItem {
  id: string;
  name: string;
  phones: string[];
  email: string | null;
  tags: string[];
  segment: string | null;
  rfm: { recency: number; frequency: number; monetary: number } | null;
  timezone: string | null;
  teamId: string | null;
}

async function call(server: TestServer, method: string, path: string, body?: unknown, headers: Record<string, string> = asApi) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (text ? JSON.parse(text) : null) as any };
}
const uniq = (label: string) => `${label}-${Math.random().toString(36).slice(2, 8)}`;
const paths = (body: { details?: Array<{ path: string }> }) => (body.details ?? []).map((d) => d.path);

async function createCustomer(server: TestServer, body: Record<string, unknown>, headers: Record<string, string> = asApi): Promise<string> {
  const res = await call(server, 'POST', '/api/customers', body, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
async function byPhone(server: TestServer, phone: string, headers: Record<string, string> = asApi, encode = true) {
  const res = await call(server, 'GET', `/api/customers?phone=${encode ? encodeURIComponent(phone) : phone}`, undefined, headers);
  return res as { status: number; body: { customers: CustomerItem[] } };
}
async function search(server: TestServer, q: string, headers: Record<string, string> = asApi) {
  const res = await call(server, 'GET', `/api/customers?q=${encodeURIComponent(q)}`, undefined, headers);
  expect(res.status).toBe(200);
  return res.body.customers as CustomerItem[];
}
async function bearerFor(role: 'agent' | 'supervisor' | 'complaint_handler' | 'admin', teamId: string | null = null) {
  const user = await createUser(cn.sb, { role, teamId });
  return { user, auth: { authorization: `Bearer ${(await login(cn.url, user.email, user.password)).token}` } };
}
async function teamId(name: string): Promise<string> {
  const [row] = await cn.sb.ctx.db.insert(teams).values({ name }).returning();
  return row!.id;
}

describe('POST /api/customers', () => {
  it('normalises phones with DEFAULT_REGION and answers 201 {id} with the full item shape on lookup', async () => {
    const name = uniq('Wang Fang');
    const id = await createCustomer(cn, {
      name,
      phones: ['139 1234 5678', '021-6234 5678', '+86 139 1234 5678'],
      email: 'wang.fang@example.cn',
      tags: ['vip', 'tea', 'vip'],
      timezone: 'Asia/Shanghai',
      locale: 'zh-CN',
      followUpFrequencyDays: 30,
    });
    const [row] = await cn.sb.ctx.db.select().from(customers).where(eq(customers.id, id));
    expect(row).toMatchObject({ name, email: 'wang.fang@example.cn', tags: ['vip', 'tea'], timezone: 'Asia/Shanghai', locale: 'zh-CN', followUpFrequencyDays: 30, teamId: null });
    const found = await byPhone(cn, '13912345678');
    expect(found.status).toBe(200);
    expect(found.body.customers).toEqual([
      { id, name, phones: ['+8613912345678', '+862162345678'], email: 'wang.fang@example.cn', tags: ['vip', 'tea'], segment: null, rfm: null, timezone: 'Asia/Shanghai', locale: 'zh-CN', teamId: null, followUpFrequencyDays: 30 },
    ]);
    const audit = await cn.sb.ctx.db.select().from(auditLog).where(and(eq(auditLog.entity, 'customer'), eq(auditLog.entityId, id)));
    expect(audit.map((a) => a.action)).toEqual(['customer.create']);
  });

  it('refuses an unreadable phone with 400 naming phones.N and writes nothing', async () => {
    const name = uniq('Never Written');
    const res = await call(cn, 'POST', '/api/customers', { name, phones: ['138 0013 8000', 'call me', '12'] });
    expect(res.status).toBe(400);
    expect(paths(res.body)).toEqual(['phones.1', 'phones.2']);
    expect(await cn.sb.ctx.db.select().from(customers).where(eq(customers.name, name))).toHaveLength(0);
  });

  it('reads the same national digits differently per DEFAULT_REGION', async () => {
    const res = await call(us, 'POST', '/api/customers', { name: uniq('US reads CN mobile'), phones: ['138 0013 8000'] });
    expect(res.status).toBe(400);
    expect(paths(res.body)).toEqual(['phones.0']);
  });

  it('validates email, time zone and tags', async () => {
    const res = await call(cn, 'POST', '/api/customers', { name: 'X', phones: [], email: 'nope', timezone: 'Asia/Atlantis', tags: [''] });
    expect(res.status).toBe(400);
    expect(paths(res.body).sort()).toEqual(['email', 'tags.0', 'timezone']);
  });

  it('lets agents, supervisors and complaint handlers create customers; no credentials → 401', async () => {
    for (const role of ['agent', 'supervisor', 'complaint_handler'] as const) {
      const { auth } = await bearerFor(role);
      await createCustomer(cn, { name: uniq(`by ${role}`), phones: [] }, auth);
    }
    expect((await call(cn, 'POST', '/api/customers', { name: 'anon', phones: [] }, {})).status).toBe(401);
    expect((await call(cn, 'GET', '/api/customers?q=anon', undefined, {})).status).toBe(401);
  });
});

describe('GET /api/customers?phone=', () => {
  let cnMobile: string;
  let cnLandline: string;
  let usCustomer: string;

  beforeAll(async () => {
    cnMobile = await createCustomer(cn, { name: 'Zhang Wei 张伟', phones: ['138 0013 8000'] });
    cnLandline = await createCustomer(cn, { name: 'Beijing Office', phones: ['010-6552 9988'] });
    usCustomer = await createCustomer(us, { name: 'Sam Rivera', phones: ['(415) 555-0100'] });
  });

  const ids = (r: { body: { customers: CustomerItem[] } }) => r.body.customers.map((c) => c.id);

  it.each([
    ['13800138000'],
    ['138 0013 8000'],
    ['+86 138 0013 8000'],
    ['+8613800138000'],
    ['0086 138 0013 8000'],
    ['008613800138000'],
  ])('DEFAULT_REGION=CN finds the Chinese mobile from %j', async (phone) => {
    expect(ids(await byPhone(cn, phone))).toEqual([cnMobile]);
  });

  it('DEFAULT_REGION=CN finds the Beijing landline in national and international forms', async () => {
    for (const phone of ['010-6552 9988', '(010) 65529988', '+86 10 6552 9988', '0086 10 6552 9988']) {
      expect(ids(await byPhone(cn, phone))).toEqual([cnLandline]);
    }
  });

  it('DEFAULT_REGION=US finds US numbers in national forms and Chinese ones in international forms', async () => {
    for (const phone of ['(415) 555-0100', '415-555-0100', '1 415 555 0100', '+1 415 555 0100']) {
      expect(ids(await byPhone(us, phone))).toEqual([usCustomer]);
    }
    for (const phone of ['+86 138 0013 8000', '0086 138 0013 8000', '011 86 138 0013 8000']) {
      expect(ids(await byPhone(us, phone))).toEqual([cnMobile]);
    }
  });

  it('DEFAULT_REGION=CN finds the US customer by its international forms', async () => {
    for (const phone of ['+1 (415) 555-0100', '001 415 555 0100']) expect(ids(await byPhone(cn, phone))).toEqual([usCustomer]);
  });

  it('reads an unencoded + (decoded to a space by the query string) as the plus it was', async () => {
    expect(ids(await byPhone(us, '+8613800138000', asApi, false))).toEqual([cnMobile]);
    expect(ids(await byPhone(cn, '+14155550100', asApi, false))).toEqual([usCustomer]);
  });

  it('answers an empty list for a valid number nobody has, and 400 naming phone for garbage', async () => {
    expect((await byPhone(cn, '+86 139 0000 0000')).body.customers).toEqual([]);
    const bad = await byPhone(cn, 'garbage');
    expect(bad.status).toBe(400);
    expect(paths(bad.body as never)).toEqual(['phone']);
  });

  it('returns every customer sharing a number', async () => {
    const shared = '+86 137 1111 2222';
    const husband = await createCustomer(cn, { name: 'Liu Yang', phones: [shared] });
    const wife = await createCustomer(cn, { name: 'Chen Jing', phones: ['137-1111-2222', '+86 186 0000 1111'] });
    const found = await byPhone(us, shared);
    expect(ids(found)).toEqual([husband, wife]);
    expect(found.body.customers[1]!.phones).toEqual(['+8613711112222', '+8618600001111']);
  });
});

describe('GET /api/customers?q=', () => {
  let zhou: string;
  beforeAll(async () => {
    zhou = await createCustomer(cn, { name: 'Zhou Xiaoming 周晓明', phones: ['186 1234 0000'], email: 'Xiaoming.Zhou@Example.CN' });
    const res = await call(cn, 'POST', '/api/orders', { customerId: zhou, externalId: 'TMALL-2030-0001', total: '88.00', currency: 'CNY', status: 'paid', placedAt: '2030-01-01T00:00:00Z' });
    expect(res.status).toBe(201);
  });

  it('finds by name substring, any case, in Latin and Chinese script', async () => {
    for (const q of ['xiaoming', 'ZHOU XIAO', '晓明', '周']) expect((await search(cn, q)).map((c) => c.id)).toContain(zhou);
  });

  it('finds by email, any case', async () => {
    expect((await search(cn, 'xiaoming.zhou@example.cn')).map((c) => c.id)).toEqual([zhou]);
  });

  it('finds by number in any written form', async () => {
    for (const q of ['18612340000', '+86 186 1234 0000', '0086-186-1234-0000']) expect((await search(cn, q)).map((c) => c.id)).toEqual([zhou]);
    expect((await search(us, '+86 186 1234 0000')).map((c) => c.id)).toEqual([zhou]);
  });

  it('finds by the last digits, and a number in its national form whatever DEFAULT_REGION says', async () => {
    const office = await createCustomer(cn, { name: 'Beijing Office 北京办事处', phones: ['010-6552 7731'] });
    for (const q of ['1234 0000', '186-1234-0000', '(186) 1234 0000']) expect((await search(us, q)).map((c) => c.id), q).toEqual([zhou]);
    for (const q of ['010-6552 7731', '6552 7731', '5527731']) expect((await search(us, q)).map((c) => c.id), q).toEqual([office]);
    // Last digits that start with a zero are last digits, not a trunk prefix.
    const zeroes = await createCustomer(cn, { name: 'Zero Ending', phones: ['139 1234 0588'] });
    expect((await search(us, '0588')).map((c) => c.id)).toContain(zeroes);
    // Fewer than four digits is no number search; letters make it no number at all.
    expect((await search(us, '731')).map((c) => c.id)).not.toContain(office);
    expect((await search(us, 'room 7731')).map((c) => c.id)).not.toContain(office);
  });

  it('finds by order externalId', async () => {
    expect((await search(cn, 'TMALL-2030-0001')).map((c) => c.id)).toEqual([zhou]);
  });

  it('treats LIKE wildcards literally and finds nothing for a miss', async () => {
    expect(await search(cn, '%')).toEqual([]);
    expect(await search(cn, 'nobody-is-called-this')).toEqual([]);
  });

  it('answers at most 50', async () => {
    const stem = uniq('Bulk');
    await cn.sb.ctx.db.insert(customers).values(Array.from({ length: 55 }, (_, i) => ({ name: `${stem} ${i}` })));
    expect(await search(cn, stem)).toHaveLength(50);
    const few = await call(cn, 'GET', `/api/customers?q=${stem}&limit=5`);
    expect(few.body.customers).toHaveLength(5);
    expect((await call(cn, 'GET', `/api/customers?q=${stem}&limit=500`)).status).toBe(400);
  });
});

describe('team scoping', () => {
  let teamA: string;
  let teamB: string;
  let inA: string;
  let inB: string;
  let inNone: string;
  const phone = '+86 135 5555 0001';

  beforeAll(async () => {
    const nameA = uniq('Team A');
    teamA = await teamId(nameA);
    teamB = await teamId(uniq('Team B'));
    inA = await createCustomer(cn, { name: 'Scoped Alpha', phones: [phone], team: nameA });
    const [b] = await cn.sb.ctx.db.insert(customers).values({ name: 'Scoped Beta', teamId: teamB }).returning();
    inB = b!.id;
    await cn.sb.ctx.db.insert(customerPhones).values({ customerId: inB, e164: '+8613555550001' });
    inNone = await createCustomer(cn, { name: 'Scoped Gamma', phones: [phone] });
  });

  const ids = (list: CustomerItem[]) => list.map((c) => c.id).sort();

  it('agents and supervisors of a team see their team and team-less customers only', async () => {
    for (const role of ['agent', 'supervisor'] as const) {
      const { auth } = await bearerFor(role, teamA);
      expect(ids(await search(cn, 'Scoped', auth))).toEqual([inA, inNone].sort());
      expect(ids((await byPhone(cn, phone, auth)).body.customers)).toEqual([inA, inNone].sort());
    }
  });

  it('admins, complaint handlers, team-less agents and the API token see everyone', async () => {
    const everyone = [inA, inB, inNone].sort();
    expect(ids(await search(cn, 'Scoped'))).toEqual(everyone);
    for (const [role, team] of [['admin', teamA], ['complaint_handler', teamA], ['agent', null]] as const) {
      const { auth } = await bearerFor(role, team);
      expect(ids((await byPhone(cn, phone, auth)).body.customers)).toEqual(everyone);
    }
  });

  it("gives a team-scoped agent's new customer their team, and refuses another team's name", async () => {
    const { auth } = await bearerFor('agent', teamA);
    const id = await createCustomer(cn, { name: uniq('Walk-in'), phones: [] }, auth);
    const [row] = await cn.sb.ctx.db.select().from(customers).where(eq(customers.id, id));
    expect(row!.teamId).toBe(teamA);
    const [b] = await cn.sb.ctx.db.select().from(teams).where(eq(teams.id, teamB));
    const name = uniq('Smuggled');
    expect((await call(cn, 'POST', '/api/customers', { name, phones: [], team: b!.name }, auth)).status).toBe(403);
    expect(await cn.sb.ctx.db.select().from(customers).where(eq(customers.name, name))).toHaveLength(0);
  });

  it("does not let a scoped agent change another team's customer (404), but their own (200)", async () => {
    const { auth } = await bearerFor('agent', teamA);
    expect((await call(cn, 'PATCH', `/api/customers/${inB}`, { tags: ['hijacked'] }, auth)).status).toBe(404);
    expect((await call(cn, 'POST', `/api/customers/${inB}/phones`, { phone: '+86 135 0000 9999' }, auth)).status).toBe(404);
    expect((await call(cn, 'PATCH', `/api/customers/${inA}`, { tags: ['called-back'] }, auth)).status).toBe(200);
    const [row] = await cn.sb.ctx.db.select().from(customers).where(eq(customers.id, inB));
    expect(row!.tags).toEqual([]);
  });

  it('moves a customer to another team for an admin, never for a team-scoped user', async () => {
    const scoped = await bearerFor('supervisor', teamA);
    expect((await call(cn, 'PATCH', `/api/customers/${inA}`, { team: 'B' + uniq('') }, scoped.auth)).status).toBe(403);
    const admin = await bearerFor('admin');
    const moved = await call(cn, 'PATCH', `/api/customers/${inA}`, { team: 'Moved Team' }, admin.auth);
    expect(moved.status).toBe(200);
    const [row] = await cn.sb.ctx.db.select().from(customers).where(eq(customers.id, inA));
    const [team] = await cn.sb.ctx.db.select().from(teams).where(eq(teams.name, 'Moved Team'));
    expect(row!.teamId).toBe(team!.id);
    expect((await call(cn, 'PATCH', `/api/customers/${inA}`, { team: null }, admin.auth)).status).toBe(200);
  });

  it('lets a supervisor without a team move a customer to an existing team, and refuses a team that does not exist', async () => {
    const supervisor = await bearerFor('supervisor');
    const [b] = await cn.sb.ctx.db.select().from(teams).where(eq(teams.id, teamB));
    expect((await call(cn, 'PATCH', `/api/customers/${inA}`, { team: b!.name }, supervisor.auth)).status).toBe(200);
    const [row] = await cn.sb.ctx.db.select().from(customers).where(eq(customers.id, inA));
    expect(row!.teamId).toBe(teamB);

    const typo = uniq('Nrth');
    const refused = await call(cn, 'PATCH', `/api/customers/${inA}`, { team: typo }, supervisor.auth);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ details: [{ path: 'team', message: 'unknown team' }] });
    expect(await cn.sb.ctx.db.select().from(teams).where(eq(teams.name, typo))).toEqual([]);
    const [after] = await cn.sb.ctx.db.select().from(customers).where(eq(customers.id, inA));
    expect(after!.teamId).toBe(teamB);
    expect((await call(cn, 'PATCH', `/api/customers/${inA}`, { team: null }, supervisor.auth)).status).toBe(200);
  });
});

describe('customer page edits', () => {
  it('PATCH changes profile fields, clears with null, and audits', async () => {
    const id = await createCustomer(cn, { name: uniq('Editable'), phones: [], email: 'old@example.cn', timezone: 'Asia/Shanghai' });
    const { user, auth } = await bearerFor('agent');
    const res = await call(cn, 'PATCH', `/api/customers/${id}`, { name: 'Edited Name', tags: ['b2b'], timezone: 'Asia/Hong_Kong', followUpFrequencyDays: 14, email: null }, auth);
    expect(res.status).toBe(200);
    const [row] = await cn.sb.ctx.db.select().from(customers).where(eq(customers.id, id));
    expect(row).toMatchObject({ name: 'Edited Name', tags: ['b2b'], timezone: 'Asia/Hong_Kong', followUpFrequencyDays: 14, email: null });
    const audit = await cn.sb.ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'customer.update')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: user.id, actorKind: 'user' });

    expect((await call(cn, 'PATCH', `/api/customers/${id}`, {})).status).toBe(400);
    expect((await call(cn, 'PATCH', `/api/customers/${id}`, { timezone: 'Nowhere/Land' })).status).toBe(400);
    expect((await call(cn, 'PATCH', `/api/customers/not-a-uuid`, { tags: [] })).status).toBe(400);
    expect((await call(cn, 'PATCH', `/api/customers/22222222-2222-4222-8222-222222222222`, { tags: [] })).status).toBe(404);
  });

  it('adds a number in any form (201, then 200 when already there) and removes it by E.164', async () => {
    const id = await createCustomer(cn, { name: uniq('Phones'), phones: ['138 2222 3333'] });
    const added = await call(cn, 'POST', `/api/customers/${id}/phones`, { phone: '0086 139 4444 5555' });
    expect(added).toEqual({ status: 201, body: { e164: '+8613944445555', created: true } });
    expect((await call(cn, 'POST', `/api/customers/${id}/phones`, { phone: '13944445555' })).status).toBe(200);
    const bad = await call(cn, 'POST', `/api/customers/${id}/phones`, { phone: 'nope' });
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(['phone']);

    expect((await byPhone(cn, '13944445555')).body.customers.map((c) => c.id)).toEqual([id]);
    expect((await call(cn, 'DELETE', `/api/customers/${id}/phones/${encodeURIComponent('+8613944445555')}`)).status).toBe(200);
    expect((await call(cn, 'DELETE', `/api/customers/${id}/phones/${encodeURIComponent('+8613944445555')}`)).status).toBe(404);
    expect((await byPhone(cn, '13944445555')).body.customers).toEqual([]);
    const phones = await cn.sb.ctx.db.select().from(customerPhones).where(eq(customerPhones.customerId, id));
    expect(phones.map((p) => p.e164)).toEqual(['+8613822223333']);
    const actions = (await cn.sb.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, id))).map((a) => a.action);
    expect(actions.sort()).toEqual(['customer.create', 'customer.phone.add', 'customer.phone.remove']);
  });

  it('leaves nothing half-written when a later step of a create fails', async () => {
    // The externalId conflict is detected after the team was made: both must roll back.
    const externalId = uniq('CRM');
    await createCustomer(cn, { name: uniq('First'), phones: [], externalId });
    const team = uniq('Team Ghost');
    const name = uniq('Second');
    const res = await call(cn, 'POST', '/api/customers', { name, phones: ['138 0013 8111'], externalId, team });
    expect(res.status).toBe(409);
    expect(await cn.sb.ctx.db.select().from(customers).where(eq(customers.name, name))).toHaveLength(0);
    expect(await cn.sb.ctx.db.select().from(teams).where(eq(teams.name, team))).toHaveLength(0);
    expect(await cn.sb.ctx.db.select().from(customerPhones).where(eq(customerPhones.e164, '+8613800138111'))).toHaveLength(0);
    expect(await cn.sb.ctx.db.select().from(auditLog).where(like(sql`${auditLog.data}::text`, `%${team}%`))).toHaveLength(0);
  });
});
