import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { createDatabase, type DatabaseHandle } from '../../db/client';
import {
  DEFAULT_SEED, DEMO_CALLERS, DEMO_CUSTOMERS, DEMO_USERS, SALES_NUMBER, SUPPORT_CN_NUMBER,
  buildCustomerBundle, readMarker, seedDatabase, type SeedContext,
} from '../../db/seed';
import { verifyPassword } from '../../server/auth/password';
import { recomputeAllValues } from '../../server/customers/recompute-all-values';
import { createLogger } from '../../server/logger';
import type { AppContext } from '../../server/context';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

// A fixed anchor: every timestamp is relative to it, so two databases get identical rows.
const anchor = new Date('2025-06-02T00:00:00Z');
const TABLES = ['teams', 'queues', 'queue_numbers', 'users', 'user_queues', 'escalation_policies', 'escalation_levels', 'customers', 'customer_phones', 'orders', 'interactions', 'complaints', 'complaint_events', 'follow_ups'];

let a: TestDatabase;
let b: TestDatabase;
let dbA: DatabaseHandle;
let dbB: DatabaseHandle;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase('seed-a'), createTestDatabase('seed-b')]);
  dbA = createDatabase(a.url, { max: 2 });
  dbB = createDatabase(b.url, { max: 2 });
});
afterAll(async () => {
  await Promise.all([dbA?.close(), dbB?.close()]);
  await Promise.all([a?.drop(), b?.drop()]);
});

async function counts(db: DatabaseHandle): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await db.sql.unsafe(`select count(*)::int as n from "${t}"`))[0]!.n);
  return out;
}

const phonesOf = async (db: DatabaseHandle, name: string) =>
  (await db.sql<Array<{ e164: string }>>`select p.e164 from customers c join customer_phones p on p.customer_id = c.id where c.name = ${name} order by p.id`).map((r) => r.e164);

/** Phone counts do not depend on the ids of users or queues: the factories can predict them. */
const bareContext = (): SeedContext => ({
  seed: DEFAULT_SEED,
  anchor,
  ordersPerCustomer: 2,
  refs: {
    teams: { north: 'n', east: 'e' },
    queues: { default: 'd', sales: 's', supportCn: 'c' },
    agentIds: ['a'],
    supervisorId: 's',
    complaintHandlerId: 'h',
    adminId: 'x',
    policyId: 'p',
    firstLevel: { respondWithinSeconds: 1, resolveWithinSeconds: 2 },
  },
});

describe('seedDatabase', () => {
  it('is idempotent: a second run adds nothing', async () => {
    const first = await seedDatabase(dbA, { customers: 500, anchor });
    expect(first.demoCustomersAdded).toBe(DEMO_CUSTOMERS.length);
    expect(first.bulkCustomersAdded).toBe(500);
    const before = await counts(dbA);
    expect(before.customers).toBe(500 + DEMO_CUSTOMERS.length);
    expect(before.complaints).toBeGreaterThan(0);
    expect(before.follow_ups).toBeGreaterThan(0);

    const second = await seedDatabase(dbA, { customers: 500, anchor });
    expect(second.nothingToDo).toBe(true);
    expect(second.demoCustomersAdded).toBe(0);
    expect(await counts(dbA)).toEqual(before);
  });

  it('creates the known demo customers with their E.164 numbers, orders and open work', async () => {
    expect(await phonesOf(dbA, 'Wang Wei 王伟')).toEqual([DEMO_CALLERS.wangWei, '+861062345678']);
    expect(await phonesOf(dbA, 'Acme Corp')).toEqual([DEMO_CALLERS.acme, '+14155550101']);
    const sharing = await dbA.sql`select c.name from customers c join customer_phones p on p.customer_id = c.id where p.e164 = ${DEMO_CALLERS.sharedZhang} order by c.name`;
    expect(sharing.map((r) => r.name)).toEqual(['Zhang Lei 张磊', 'Zhang Min 张敏']);

    const [wang] = await dbA.sql`
      select (select count(*)::int from orders o where o.customer_id = c.id and o.currency = 'CNY') as orders,
             (select count(*)::int from interactions i where i.customer_id = c.id) as history,
             (select count(*)::int from complaints x where x.customer_id = c.id and x.status = 'new') as complaints,
             (select count(*)::int from follow_ups f where f.customer_id = c.id and f.status = 'pending') as follow_ups
      from customers c where c.name = 'Wang Wei 王伟'`;
    expect(wang).toMatchObject({ orders: 6, history: 5, complaints: 1, follow_ups: 1 });
    const [acme] = await dbA.sql`select count(*)::int as n from orders o join customers c on c.id = o.customer_id where c.name = 'Acme Corp' and o.currency = 'USD'`;
    expect(acme!.n).toBe(4);
    const [burden] = await dbA.sql`select count(*)::int as n from orders where margin < 0`;
    expect(burden!.n).toBeGreaterThan(0);
    const [money] = await dbA.sql`select total from orders where external_id = 'WW-1001'`;
    expect(money!.total).toBe('7057.0000');

    // Every stored number is a valid E.164 number, bulk ones included.
    const all = await dbA.sql<Array<{ e164: string }>>`select distinct e164 from customer_phones`;
    const invalid = all.filter((r) => !parsePhoneNumberFromString(r.e164)?.isValid() || parsePhoneNumberFromString(r.e164)?.number !== r.e164);
    expect(invalid).toEqual([]);
    expect(all.some((r) => r.e164.startsWith('+86138') || r.e164.startsWith('+86139'))).toBe(true);
    expect(all.some((r) => r.e164.startsWith('+8610'))).toBe(true);
    expect(all.some((r) => r.e164.startsWith('+1'))).toBe(true);
  });

  it('creates the queues, the default escalation policy and one user per role with working passwords', async () => {
    const queues = await dbA.sql`select q.name, q.timezone, q.business_hours is not null as hours, array_remove(array_agg(n.e164), null) as numbers
      from queues q left join queue_numbers n on n.queue_id = q.id group by q.id order by q.name`;
    expect(queues).toEqual([
      { name: 'default', timezone: 'UTC', hours: false, numbers: [] },
      { name: 'sales', timezone: 'America/New_York', hours: true, numbers: [SALES_NUMBER] },
      { name: 'support-cn', timezone: 'Asia/Shanghai', hours: true, numbers: [SUPPORT_CN_NUMBER] },
    ]);
    const levels = await dbA.sql`select l.level, l.assign_to, l.respond_within_seconds > 0 as timed from escalation_levels l
      join escalation_policies p on p.id = l.policy_id where p.name = 'default' order by l.level`;
    expect(levels.map((l) => [l.level, l.assign_to, l.timed])).toEqual([
      [1, { role: 'complaint_handler' }, true],
      [2, { role: 'supervisor' }, true],
      [3, { role: 'admin' }, true],
    ]);
    for (const role of ['agent', 'supervisor', 'complaint_handler', 'admin'] as const) {
      const demo = DEMO_USERS.find((u) => u.role === role)!;
      const [row] = await dbA.sql`select password_hash, role from users where email = ${demo.email}`;
      expect(row!.role).toBe(role);
      expect(await verifyPassword(demo.password, row!.password_hash)).toBe(true);
    }
    // Demo orders are in CNY and USD; customer value compares them in CNY.
    const [value] = await dbA.sql`select value from settings where key = 'rfm-config'`;
    expect(value?.value).toMatchObject({ currencyRates: { USD: 7.2 } });
  });

  it('scales by the flag: 2,000 customers bring the phones the factories predict, and extending equals seeding at once', async () => {
    const ctx = bareContext();
    let phones = 0;
    for (let i = 0; i < 2000; i++) phones += buildCustomerBundle(ctx, i).phones.length;
    const demoPhones = DEMO_CUSTOMERS.reduce((n, c) => n + c.phones.length, 0);
    expect(phones / 2000).toBeGreaterThan(1.4); // about 3 phones per 2 customers
    expect(phones / 2000).toBeLessThan(1.6);

    // A: 500 earlier, now extended to 2,000. B: 2,000 at once, with the index drop/rebuild path.
    const extended = await seedDatabase(dbA, { customers: 2000, anchor });
    expect(extended.bulkCustomersAdded).toBe(1500);
    const direct = await seedDatabase(dbB, { customers: 2000, anchor, rebuildIndexes: true, batchSize: 300 });
    expect(direct.rowsAdded.customers).toBe(2000);

    for (const db of [dbA, dbB]) {
      const c = await counts(db);
      expect(c.customers).toBe(2000 + DEMO_CUSTOMERS.length);
      expect(c.customer_phones).toBe(phones + demoPhones);
      expect((await readMarker(db.sql))?.bulkCustomers).toBe(2000);
    }
    const fingerprint = (db: DatabaseHandle) => db.sql`
      select md5(string_agg(c.id::text || c.name || coalesce(c.email, '') || c.created_at::text, ',' order by c.id)) as customers,
             (select md5(string_agg(o.external_id || o.total::text || o.placed_at::text, ',' order by o.id)) from orders o) as orders
      from customers c`;
    expect(await fingerprint(dbA)).toEqual(await fingerprint(dbB));

    const indexes = (db: DatabaseHandle) => db.sql`select indexname from pg_indexes where schemaname = 'public' order by 1`;
    expect(await indexes(dbB)).toEqual(await indexes(dbA));
  });
});

describe('demo customers', () => {
  it('keep the segment they were written with when their orders are scored', async () => {
    // By external id: bulk customers may share a demo customer's name.
    const segments = async () =>
      Object.fromEntries((await dbA.sql<Array<{ key: string; segment: string | null }>>`select external_id as key, segment from customers where external_id like 'DEMO-%'`).map((r) => [r.key, r.segment]));
    const written = await segments();
    expect(Object.keys(written)).toHaveLength(DEMO_CUSTOMERS.length);
    const ctx = { database: dbA, db: dbA.db, logger: createLogger('silent') } as unknown as AppContext;
    await recomputeAllValues(ctx, anchor);
    expect(await segments()).toEqual(written);
  });
});
