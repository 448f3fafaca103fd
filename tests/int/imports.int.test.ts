import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { customerPhones, customers, orders, teams } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { createUser, login, startTestServer, type TestServer } from '../support/test-server';

const API_TOKEN = 'imports-test-token';
let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  db = await createTestDatabase('imports');
  server = await startTestServer(db.url, { API_TOKEN, DEFAULT_REGION: 'CN' }, { workers: false });
});
afterAll(async () => {
  await server?.close();
  await db?.drop();
});

async function upload(kind: 'customers' | 'orders', csv: string, query = '', token = API_TOKEN) {
  const res = await fetch(`${server.url}/api/imports/${kind}${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body: csv,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const get = (path: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${API_TOKEN}` } });

const CUSTOMERS = [
  'external_id,name,phones,email,tags,timezone,locale,team',
  'imp-1,Wang Fang,13800138000;+86 139 0013 9000,wang@example.test,vip;wholesale,Asia/Shanghai,zh-CN,North',
  'imp-2,"Smith, John",+1 415 555 0123,,,America/Los_Angeles,en,',
  'imp-3,,13800138001,,,,,', // no name
  'imp-4,Bad Phone,12,,,,,', // unreadable number
  'imp-5,Bad Zone,,,,Mars/Olympus,,',
  'imp-6,Too,many,fields,here,x,y,z,w',
  'imp-7,Li Na,13700137000,LI@EXAMPLE.TEST,,,,North',
].join('\n');

describe('CSV import of customers', () => {
  let importId: string;
  it('imports the good rows and reports each bad row with its line', async () => {
    importId = randomUUID();
    const res = await upload('customers', `${CUSTOMERS}\n`, `?id=${importId}&fileName=customers.csv`);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: importId, status: 'done', processedRows: 3, failedRows: 4 });

    const rows = await server.sb.ctx.db.select().from(customers).where(inArray(customers.externalId, ['imp-1', 'imp-2', 'imp-7']));
    expect(rows.map((r) => r.name).sort()).toEqual(['Li Na', 'Smith, John', 'Wang Fang']);
    const wang = rows.find((r) => r.externalId === 'imp-1')!;
    expect(wang).toMatchObject({ email: 'wang@example.test', tags: ['vip', 'wholesale'], timezone: 'Asia/Shanghai', locale: 'zh-CN' });
    const [north] = await server.sb.ctx.db.select().from(teams).where(eq(teams.name, 'North'));
    expect(wang.teamId).toBe(north?.id);
    const phones = await server.sb.ctx.db.select({ e164: customerPhones.e164 }).from(customerPhones).where(eq(customerPhones.customerId, wang.id));
    expect(phones.map((p) => p.e164).sort()).toEqual(['+8613800138000', '+8613900139000']);
  });

  it('answers the progress poll and the error report as CSV', async () => {
    const status = (await (await get(`/api/imports/${importId}`)).json()) as Record<string, unknown>;
    expect(status).toMatchObject({ status: 'done', processedRows: 3, failedRows: 4, fileName: 'customers.csv' });
    expect(status.bytesRead).toBe(Buffer.byteLength(`${CUSTOMERS}\n`));
    expect(status.totalBytes).toBe(status.bytesRead);

    const res = await get(`/api/imports/${importId}/errors.csv`);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('row_number,error,raw');
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual([4, 5, 6, 7]);
    expect(lines[1]).toMatch(/^4,"?name:/);
    expect(lines[2]).toMatch(/^5,"?phones: unreadable number/);
    expect(lines[4]).toMatch(/^7,"?expected 8 fields, found 9/);
  });

  it('re-importing the same file changes nothing', async () => {
    const before = await server.sb.ctx.db.select().from(customers).where(inArray(customers.externalId, ['imp-1', 'imp-2', 'imp-7']));
    const phonesBefore = await server.sb.ctx.db.$count(customerPhones);
    const res = await upload('customers', CUSTOMERS);
    expect(res.body).toMatchObject({ status: 'done', processedRows: 3, failedRows: 4 });
    const after = await server.sb.ctx.db.select().from(customers).where(inArray(customers.externalId, ['imp-1', 'imp-2', 'imp-7']));
    expect(after.sort((a, b) => a.id.localeCompare(b.id))).toEqual(before.sort((a, b) => a.id.localeCompare(b.id)));
    expect(await server.sb.ctx.db.$count(customerPhones)).toBe(phonesBefore);
    expect(await server.sb.ctx.db.$count(customers)).toBe(3);
  });

  it('updates a changed row by external_id, and only the columns the file has', async () => {
    const before = (await server.sb.ctx.db.select().from(customers).where(eq(customers.externalId, 'imp-1')))[0]!;
    const res = await upload('customers', 'external_id,name\nimp-2,John Smith\nimp-1,Wang Fang 王芳\n');
    expect(res.body).toMatchObject({ processedRows: 2, failedRows: 0 });
    const [row] = await server.sb.ctx.db.select().from(customers).where(eq(customers.externalId, 'imp-2'));
    expect(row).toMatchObject({ name: 'John Smith', timezone: 'America/Los_Angeles', locale: 'en' });
    // A file of names alone renames; it does not wipe the email, tags, time zone, locale or team.
    const [wang] = await server.sb.ctx.db.select().from(customers).where(eq(customers.externalId, 'imp-1'));
    expect(wang).toMatchObject({ name: 'Wang Fang 王芳', email: before.email, tags: before.tags, timezone: before.timezone, locale: before.locale, teamId: before.teamId });
    // A column that is there but empty does clear.
    expect((await upload('customers', 'external_id,name,tags\nimp-1,Wang Fang 王芳,\n')).body).toMatchObject({ processedRows: 1 });
    const [cleared] = await server.sb.ctx.db.select().from(customers).where(eq(customers.externalId, 'imp-1'));
    expect(cleared).toMatchObject({ tags: [], email: before.email, teamId: before.teamId });
    await upload('customers', 'external_id,name,tags\nimp-1,Wang Fang,vip;wholesale\n');
  });

  it('fails a file without the required columns, and refuses non-admins', async () => {
    const res = await upload('customers', 'name,email\nX,x@example.test\n');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ status: 'failed', error: 'missing column(s): external_id' });
    const agent = await createUser(server.sb, { role: 'agent' });
    const { token } = await login(server.url, agent.email, agent.password);
    expect((await upload('customers', CUSTOMERS, '', token)).status).toBe(403);
  });
});

describe('CSV import of orders', () => {
  const ORDERS = [
    'external_id,customer_external_id,total,currency,status,placed_at,margin',
    'o-1,imp-1,199.50,cny,delivered,2025-05-01T10:00:00Z,40',
    'o-2,imp-1,80,CNY,delivered,2025-05-03,',
    'o-3,nobody,10,CNY,paid,2025-05-03T00:00:00+08:00,',
    'o-4,imp-7,abc,CNY,paid,2025-05-03T00:00:00Z,',
    'o-5,imp-7,12.5,CNY,paid,yesterday,',
    'o-6,imp-7,"1,234.00",CNY,paid,2025-05-04T00:00:00Z,', // a thousands separator is not a decimal
    'o-7,imp-7,33,USD,shipped,2025-05-05T12:00:00Z,-2.5',
  ].join('\n');

  it('upserts orders by external_id, reports unknown customers and bad values, and re-import changes nothing', async () => {
    const first = await upload('orders', ORDERS);
    expect(first.body).toMatchObject({ status: 'done', processedRows: 3, failedRows: 4 });
    const rows = await server.sb.ctx.db.select().from(orders).orderBy(orders.externalId);
    expect(rows.map((r) => [r.externalId, r.total, r.margin, r.currency])).toEqual([
      ['o-1', '199.5000', '40.0000', 'CNY'],
      ['o-2', '80.0000', null, 'CNY'],
      ['o-7', '33.0000', '-2.5000', 'USD'],
    ]);
    const errors = await (await get(`/api/imports/${first.body.id as string}/errors.csv`)).text();
    expect(errors).toContain('4,unknown customer_external_id,"o-3,nobody');
    expect(errors).toMatch(/\r\n5,total:/);
    expect(errors).toMatch(/\r\n6,placed_at:/);
    // The orders changed customers' value: one full value run is queued for this import (workers are off here).
    const customersQueue = server.sb.ctx.jobs.queue('customers');
    expect((await customersQueue.getJob(`value-import-${first.body.id as string}`))?.name).toBe('customers.nightly-value');

    const again = await upload('orders', ORDERS);
    expect(again.body).toMatchObject({ status: 'done', processedRows: 3, failedRows: 4 });
    const rowsAgain = await server.sb.ctx.db.select().from(orders).orderBy(orders.externalId);
    expect(rowsAgain).toEqual(rows);
    expect(await customersQueue.getJob(`value-import-${again.body.id as string}`)).toBeUndefined();

    // A file without the margin column keeps the margins stored; its other changes go in.
    const noMargin = await upload('orders', 'external_id,customer_external_id,total,currency,status,placed_at\no-1,imp-1,199.50,CNY,returned,2025-05-01T10:00:00Z\n');
    expect(noMargin.body).toMatchObject({ processedRows: 1, failedRows: 0 });
    const [o1] = await server.sb.ctx.db.select().from(orders).where(eq(orders.externalId, 'o-1'));
    expect(o1).toMatchObject({ status: 'returned', margin: '40.0000' });
  });
});

describe('team names during an import', () => {
  it('creates each team once and resolves every name of a batch, also names the bounded cache let go', async () => {
    const { TeamCache } = await import('../../server/imports/write-customer-batch');
    const sql = server.sb.ctx.database.sql;
    const names = ['Cache A', 'Cache B', 'Cache C', 'Cache D'].map((n) => `${n} ${randomUUID().slice(0, 6)}`);
    const cache = new TeamCache(sql, 3);
    const idsOf = async (batch: string[]) => {
      const map = await cache.resolve(batch);
      return batch.map((n) => map.get(n));
    };
    const first = await idsOf([names[0]!, names[1]!]);
    // B is cached; C and D overflow the cache of 3, which lets A go.
    const second = await idsOf([names[1]!, names[2]!, names[3]!]);
    expect(second[0]).toBe(first[1]);
    expect(second.every(Boolean)).toBe(true);
    const again = await idsOf([names[0]!]);
    expect(again[0]).toBe(first[0]);
    const stored = await sql<{ n: number }[]>`select count(*)::int as n from teams where name = any(${names}::text[])`;
    expect(stored[0]!.n).toBe(4);
  });
});
