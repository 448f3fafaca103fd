import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { auditLog, customers } from '../../db/schema';
import { FULL_RUN_LOCK_SQL, recomputeAllValues } from '../../server/customers/recompute-all-values';
import postgres from 'postgres';
import { recomputeCustomerValue } from '../../server/customers/recompute-customer-value';
import { NIGHTLY_VALUE_CRON, NIGHTLY_VALUE_SCHEDULER_ID } from '../../server/customers/recompute-value-scheduler';
import { aggregateOne, SEGMENT_CHANGE_ACTION } from '../../server/customers/recompute-value-store';
import { readBreakpoints, writeRfmConfig } from '../../server/customers/rfm-settings-store';
import { scoreAll } from '../../server/customers/value/score-all';
import type { CustomerAggregate } from '../../server/customers/value/customer-value-types';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { createUser, login, startTestServer, type TestServer } from '../support/test-server';
import { apiClient } from '../support/api';

const API_TOKEN = 'customer-value-test-token';
const DAY = 86_400_000;

let db: TestDatabase;
let server: TestServer;

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${API_TOKEN}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

let orderSeq = 0;
async function order(customerId: string, total: number, daysAgo: number, extra: { margin?: number; status?: string } = {}) {
  orderSeq += 1;
  const res = await api('POST', '/api/orders', {
    customerId,
    externalId: `cv-${orderSeq}-${Math.random().toString(36).slice(2, 6)}`,
    total,
    currency: 'CNY',
    status: extra.status ?? 'delivered',
    placedAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
    ...(extra.margin !== undefined && { margin: extra.margin }),
  });
  expect(res.status).toBe(201);
}

async function customer(name: string): Promise<string> {
  const res = await api('POST', '/api/customers', { name, phones: [] });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const valueOf = async (id: string) => {
  const [row] = await server.sb.ctx.db
    .select({ segment: customers.segment, r: customers.rfmRecency, f: customers.rfmFrequency, m: customers.rfmMonetary })
    .from(customers)
    .where(eq(customers.id, id));
  return row!;
};

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase('custvalue');
  server = await startTestServer(db.url, { API_TOKEN });
  // Workers run inline: every order below also queues a per-customer recompute. Before any full run
  // those queue the bootstrap full run instead; the tests below do not depend on its timing.
  for (const name of ['gold', 'stream', 'meteor', 'burden', 'loss', 'lapsed', 'never', 'cancelled']) ids[name] = await customer(`CV ${name}`);
  for (let i = 0; i < 8; i++) await order(ids.gold!, 900 + i, 2 + i * 10);
  for (let i = 0; i < 8; i++) await order(ids.stream!, 20 + i, 3 + i * 10);
  await order(ids.meteor!, 2500, 120);
  await order(ids.burden!, 15, 200);
  await order(ids.loss!, 400, 30, { margin: -50 });
  await order(ids.loss!, 300, 60, { margin: -20 });
  await order(ids.lapsed!, 800, 500);
  await order(ids.cancelled!, 5000, 5, { status: 'cancelled' });
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

describe('nightly recompute', () => {
  it('scores everyone as scoreAll does, stores the cuts, and segments each customer', async () => {
    const now = new Date();
    const result = await recomputeAllValues(server.sb.ctx, now, 3); // batch of 3: several cursor fetches and UPDATEs
    expect(result.population).toBe(5);

    const stored = await readBreakpoints(server.sb.ctx.database.sql);
    expect(stored?.computedAt).toBe(now.toISOString());
    expect(stored?.population).toBe(5);
    // Ground truth: the pure scoreAll over the same aggregates. Margin is unknown for most, so value basis.
    const agg = (id: string, values: number[], lastDaysAgo: number): CustomerAggregate => ({
      customerId: id, orderCount: values.length, totalValue: values.reduce((a, b) => a + b, 0),
      lastOrderAt: new Date(now.getTime() - lastDaysAgo * DAY), totalMargin: null,
    });
    const expected = scoreAll([
      agg(ids.gold!, [900, 901, 902, 903, 904, 905, 906, 907], 2),
      agg(ids.stream!, [20, 21, 22, 23, 24, 25, 26, 27], 3),
      agg(ids.meteor!, [2500], 120),
      agg(ids.burden!, [15], 200),
      { ...agg(ids.loss!, [400, 300], 30), totalMargin: -70 },
    ], now);
    expect(stored?.perOrderBasis).toBe('value');

    const segments = Object.fromEntries(await Promise.all(Object.entries(ids).map(async ([k, id]) => [k, (await valueOf(id)).segment])));
    expect(segments).toEqual({ gold: 'gold', stream: 'stream', meteor: 'meteor', burden: 'burden', loss: 'burden', lapsed: null, never: null, cancelled: null });
    const gold = await valueOf(ids.gold!);
    expect(gold).toMatchObject({ r: 5, f: 5 });
    for (const v of expected.values.filter((x) => x.customerId !== ids.loss)) {
      const row = await valueOf(v.customerId);
      // Recency differs only in the seconds since the orders were posted; the segment must agree.
      expect(row.segment).toBe(v.segment);
      expect(row.f).toBe(v.rfm?.frequency);
    }
  });

  it('writes a segment-change audit row only when a segment moves, and a rerun changes nothing', async () => {
    const history = await server.sb.ctx.db
      .select({ entityId: auditLog.entityId, data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.action, SEGMENT_CHANGE_ACTION), eq(auditLog.entityId, ids.gold!)));
    expect(history.at(-1)?.data).toMatchObject({ to: 'gold' });
    const before = await server.sb.ctx.db.$count(auditLog, eq(auditLog.action, SEGMENT_CHANGE_ACTION));
    const again = await recomputeAllValues(server.sb.ctx, new Date());
    expect(again.segmentChanges).toBe(0);
    expect(await server.sb.ctx.db.$count(auditLog, eq(auditLog.action, SEGMENT_CHANGE_ACTION))).toBe(before);
  });

  it('clears the value of a customer whose purchases all left the window', async () => {
    await writeRfmConfig(server.sb.ctx.database.sql, { windowDays: 150 });
    const result = await recomputeAllValues(server.sb.ctx, new Date());
    expect(result.cleared).toBeGreaterThanOrEqual(1);
    expect(await valueOf(ids.burden!)).toEqual({ segment: null, r: null, f: null, m: null });
    const [change] = await server.sb.ctx.db
      .select({ data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.action, SEGMENT_CHANGE_ACTION), eq(auditLog.entityId, ids.burden!)))
      .orderBy(auditLog.id)
      .then((rows) => rows.slice(-1));
    // A shorter window is a change of rules: the lapse says so.
    expect(change?.data).toEqual({ from: 'burden', to: null, cause: 'rules' });
    await writeRfmConfig(server.sb.ctx.database.sql, { windowDays: 365 });
    await recomputeAllValues(server.sb.ctx, new Date());
  });

  it('runs one full run at a time across processes; in one process one waits and later calls share it', async () => {
    // Another process's run, as far as the database can tell: the lock held on a connection of its own.
    const other = postgres(db.url, { max: 1, onnotice: () => {} });
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    try {
      await other.unsafe(FULL_RUN_LOCK_SQL.lock);
      const settled: string[] = [];
      const first = recomputeAllValues(server.sb.ctx).then((r) => (settled.push('first'), r));
      await sleep(100);
      // Queued behind the first in this process; a third call shares the one already waiting.
      const second = recomputeAllValues(server.sb.ctx);
      const third = recomputeAllValues(server.sb.ctx);
      expect(third).toBe(second);
      await writeRfmConfig(server.sb.ctx.database.sql, { windowDays: 150 });
      await sleep(300);
      expect(settled).toEqual([]);
      const [waiters] = await other`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'`;
      expect(waiters?.n).toBe(1);
      await other.unsafe(FULL_RUN_LOCK_SQL.unlock);
      // Both read the settings when they started, after the lock was let go.
      expect((await first).breakpoints.config?.windowDays).toBe(150);
      expect((await second).breakpoints.windowDays).toBe(150);
    } finally {
      await other.end();
      await writeRfmConfig(server.sb.ctx.database.sql, { windowDays: 365 });
      await recomputeAllValues(server.sb.ctx, new Date());
    }
  });

  it('rescores an order by the settings of the last full run until the next one finishes', async () => {
    const sql = server.sb.ctx.database.sql;
    const breakpoints = await readBreakpoints(sql);
    expect(breakpoints?.config?.thresholds.minOrdersForFrequent).toBe(2);
    // Saved but not yet run: the gold customer's next order is still judged by the old rules.
    await writeRfmConfig(sql, { thresholds: { minOrdersForFrequent: 50 } });
    try {
      const value = await recomputeCustomerValue(server.sb.ctx, ids.gold!);
      expect(value?.segment).toBe('gold');
      const reasons = (await api('GET', `/api/customers/${ids.gold}/profile`)).body.valueReasons as Array<{ key: string }>;
      expect(reasons.map((r) => r.key)).toContain('customerValue.frequency.frequent');
    } finally {
      await writeRfmConfig(sql, {});
    }
  });

  it('registers the nightly run as a BullMQ job scheduler at boot', async () => {
    const scheduler = await server.sb.ctx.jobs.queue('customers').getJobScheduler(NIGHTLY_VALUE_SCHEDULER_ID);
    expect(scheduler?.pattern).toBe(NIGHTLY_VALUE_CRON);
    expect(scheduler?.name).toBe('customers.nightly-value');
  });
});

describe('per-order recompute', () => {
  it('rescores one customer against the stored cuts when an order arrives (through the queue)', async () => {
    expect((await valueOf(ids.meteor!)).segment).toBe('meteor');
    // Meteor starts buying often: eight more large orders make them gold.
    for (let i = 0; i < 8; i++) await order(ids.meteor!, 2400, 1 + i);
    const after = await until(() => valueOf(ids.meteor!), (v) => v.segment === 'gold');
    expect(after).toMatchObject({ r: 5, f: 5, m: 5 });
    const [change] = await server.sb.ctx.db
      .select({ data: auditLog.data, actorKind: auditLog.actorKind })
      .from(auditLog)
      .where(and(eq(auditLog.action, SEGMENT_CHANGE_ACTION), eq(auditLog.entityId, ids.meteor!)))
      .orderBy(auditLog.id)
      .then((rows) => rows.slice(-1));
    expect(change).toEqual({ data: { from: 'meteor', to: 'gold', cause: 'purchases' }, actorKind: 'system' });
  });

  it('a customer with no purchase in the window has no value; scoring leaves the others alone', async () => {
    const value = await recomputeCustomerValue(server.sb.ctx, ids.never!);
    expect(value).toMatchObject({ rfm: null, segment: null });
    const rows = await server.sb.ctx.db.select({ id: customers.id, segment: customers.segment }).from(customers).where(inArray(customers.id, [ids.gold!, ids.stream!]));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.segment]))).toEqual({ [ids.gold!]: 'gold', [ids.stream!]: 'stream' });
  });

  it('shows the segment and RFM on GET /api/customers/:id', async () => {
    const res = await api('GET', `/api/customers/${ids.gold}`);
    expect(res.body).toMatchObject({ segment: 'gold', rfm: { frequency: 5 } });
  });
});

describe('customer page API', () => {
  it('GET /api/customers/:id/timeline merges contacts, calls, complaints and follow-ups, newest first, paginated', async () => {
    const sql = server.sb.ctx.database.sql;
    const id = ids.stream!;
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY);
    await sql`insert into interactions (customer_id, channel, direction, summary, at) values (${id}, 'phone', 'inbound', 'asked about delivery', ${at(1)}), (${id}, 'email', 'outbound', 'sent invoice', ${at(4)})`;
    await sql`insert into calls (provider, provider_call_id, from_number, to_number, customer_id, state, started_at) values ('cti', 'tl-1', '+8613800138000', '+861085551234', ${id}, 'completed', ${at(2)})`;
    const [policy] = await sql<{ id: string }[]>`insert into escalation_policies (name) values ('tl-policy') returning id`;
    await sql`insert into complaints (customer_id, summary, category, severity, policy_id, created_at) values (${id}, 'late parcel', 'delivery', 'low', ${policy!.id}, ${at(3)})`;
    await sql`insert into follow_ups (customer_id, reason, due_at) values (${id}, 'check the parcel arrived', ${at(0.5)})`;

    const first = await api('GET', `/api/customers/${id}/timeline?limit=3`);
    const page1 = first.body as { items: Array<{ kind: string; summary: string }>; nextCursor: string | null };
    expect(page1.items.map((i) => i.kind)).toEqual(['followup', 'interaction', 'call']);
    expect(page1.nextCursor).toBeTruthy();
    const second = (await api('GET', `/api/customers/${id}/timeline?limit=3&cursor=${page1.nextCursor}`)).body as typeof page1;
    expect(second.items.map((i) => i.summary)).toEqual(['late parcel', 'sent invoice']);
    expect(second.nextCursor).toBeNull();
    expect((await api('GET', `/api/customers/${id}/timeline?cursor=nonsense`)).status).toBe(400);
  });

  it('shows a call and its wrap-up as one entry, and pages through entries a microsecond apart without losing one', async () => {
    const sql = server.sb.ctx.database.sql;
    const id = await customer('CV timeline edges');
    const [call] = await sql<{ id: string }[]>`insert into calls (provider, provider_call_id, from_number, to_number, customer_id, state, started_at)
      values ('cti', ${`tl-wrap-${Date.now()}`}, '+8613800138000', '+861085551234', ${id}, 'completed', now() - interval '2 hours') returning id`;
    await sql`insert into interactions (customer_id, call_id, channel, direction, summary, disposition, at)
      values (${id}, ${call!.id}, 'phone', 'inbound', 'wants a new invoice', 'resolved', now() - interval '2 hours')`;
    // Three contacts within one millisecond: a millisecond cursor would skip the ones after the page edge.
    await sql`insert into interactions (customer_id, channel, direction, summary, at) values
      (${id}, 'email', 'outbound', 'edge a', '2026-01-05T10:00:00.123100Z'),
      (${id}, 'email', 'outbound', 'edge b', '2026-01-05T10:00:00.123200Z'),
      (${id}, 'email', 'outbound', 'edge c', '2026-01-05T10:00:00.123300Z')`;
    const seen: Array<{ kind: string; summary: string }> = [];
    let cursor: string | null = null;
    do {
      const page = (await api('GET', `/api/customers/${id}/timeline?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).body as { items: typeof seen; nextCursor: string | null };
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((i) => [i.kind, i.summary])).toEqual([
      ['call', 'wants a new invoice'],
      ['interaction', 'edge c'],
      ['interaction', 'edge b'],
      ['interaction', 'edge a'],
    ]);
  });

  it('GET /api/customers/:id/orders pages through every order, newest first, beyond the 20 the pop carries', async () => {
    const sql = server.sb.ctx.database.sql;
    const id = await customer('CV many orders');
    await sql`insert into orders (customer_id, external_id, total, currency, status, placed_at)
      select ${id}, 'many-' || n, n, 'CNY', 'delivered', timestamptz '2026-03-01T00:00:00Z' - n * interval '1 day' + (n % 3) * interval '1 microsecond'
      from generate_series(1, 57) n`;
    // Three newest, in one millisecond: paged one at a time, a millisecond cursor would lose two.
    await sql`insert into orders (customer_id, external_id, total, currency, status, placed_at) values
      (${id}, 'edge-a', 1, 'CNY', 'paid', '2026-06-01T10:00:00.123100Z'),
      (${id}, 'edge-b', 1, 'CNY', 'paid', '2026-06-01T10:00:00.123200Z'),
      (${id}, 'edge-c', 1, 'CNY', 'paid', '2026-06-01T10:00:00.123300Z')`;
    const one = async (cursor: string | null) => (await api('GET', `/api/customers/${id}/orders?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).body as { orders: Array<{ externalId: string }>; nextCursor: string | null };
    const first = await one(null);
    const second = await one(first.nextCursor);
    const third = await one(second.nextCursor);
    expect([first, second, third].map((p) => p.orders[0]?.externalId)).toEqual(['edge-c', 'edge-b', 'edge-a']);
    expect(((await api('GET', `/api/customers/${id}`)).body.orders as unknown[]).length).toBe(20);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = (await api('GET', `/api/customers/${id}/orders?limit=25${cursor ? `&cursor=${cursor}` : ''}`)).body as { orders: Array<{ externalId: string; placedAt: string }>; nextCursor: string | null };
      seen.push(...page.orders.map((o) => o.externalId));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
    expect(seen.slice(0, 5)).toEqual(['edge-c', 'edge-b', 'edge-a', 'many-1', 'many-2']);
    expect((await api('GET', `/api/customers/${id}/orders?cursor=nope`)).status).toBe(400);
    expect((await api('GET', `/api/customers/${id}/orders?limit=101`)).status).toBe(400);
  });

  it('GET /api/customers/:id/profile has the fields the page edits', async () => {
    const res = await api('GET', `/api/customers/${ids.gold}/profile`);
    expect(res.body).toMatchObject({ id: ids.gold, name: 'CV gold', segment: 'gold', teamName: null, followUpFrequencyDays: null });
    expect(typeof res.body.valueComputedAt).toBe('string');
  });

  it('explains the segment from what the value run judged on, a loss included', async () => {
    const keys = async (id: string) => ((await api('GET', `/api/customers/${id}/profile`)).body.valueReasons as Array<{ key: string }>).map((r) => r.key);
    expect(await keys(ids.gold!)).toEqual(expect.arrayContaining(['customerValue.frequency.frequent', 'customerValue.perOrder.high']));
    expect(await keys(ids.stream!)).toEqual(expect.arrayContaining(['customerValue.frequency.frequent', 'customerValue.perOrder.low']));
    expect(await keys(ids.loss!)).toContain('customerValue.margin.loss');
    expect(await keys(ids.never!)).toEqual(['customerValue.noOrders']);
  });
});

describe('customer value settings API', () => {
  const defaults = {
    windowDays: 365,
    thresholds: { frequentScore: 3, highValueScore: 3, minOrdersForFrequent: 2 },
    excludedStatuses: ['cancelled', 'refunded', 'returned'],
    currencyRates: {},
  };

  it('GET shows the configuration and the last full run to anyone signed in', async () => {
    const agent = await createUser(server.sb, { role: 'agent' });
    const { token } = await login(server.url, agent.email, agent.password);
    const res = await apiClient(server.url, token).get<{ config: unknown; lastRun: { population: number; perOrderBasis: string } | null }>('/api/settings/customer-value');
    expect(res.status).toBe(200);
    expect(res.body.config).toEqual(defaults);
    expect(res.body.lastRun).toMatchObject({ population: expect.any(Number), perOrderBasis: expect.stringMatching(/^(margin|value)$/) });
  });

  it('PUT is for admins; a bad value is a 400 naming it and changes nothing', async () => {
    const supervisor = await createUser(server.sb, { role: 'supervisor' });
    const { token } = await login(server.url, supervisor.email, supervisor.password);
    expect((await apiClient(server.url, token).put('/api/settings/customer-value', defaults)).status).toBe(403);

    const bad: Array<[unknown, RegExp]> = [
      [{ ...defaults, windowDays: 0 }, /"path":"windowDays"/],
      [{ ...defaults, thresholds: { ...defaults.thresholds, highValueScore: 6 } }, /"path":"thresholds.highValueScore"/],
      [{ ...defaults, thresholds: { ...defaults.thresholds, frequentscore: 3 } }, /frequentscore/],
      [{ ...defaults, excludedStatuses: ['cancelled', 'cancelled'] }, /"path":"excludedStatuses".*each status once/],
      [{ windowDays: 90 }, /"path":"thresholds"/],
      [{ ...defaults, currencyRates: { usd: 7.2 } }, /"path":"currencyRates.usd".*ISO 4217/],
      [{ ...defaults, currencyRates: { USD: 0 } }, /"path":"currencyRates.USD"/],
    ];
    for (const [body, names] of bad) {
      const res = await api('PUT', '/api/settings/customer-value', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body), JSON.stringify(body)).toMatch(names);
    }
    expect((await api('GET', '/api/settings/customer-value')).body.config).toEqual(defaults);
  });

  it('PUT stores and audits the change and rescores everyone under it at once, not at the next nightly run', async () => {
    expect((await valueOf(ids.gold!)).segment).toBe('gold');
    // Nine orders before "often": the gold customer's eight orders now make a meteor (large but rare).
    const stricter = { ...defaults, thresholds: { ...defaults.thresholds, minOrdersForFrequent: 9 } };
    const res = await api('PUT', '/api/settings/customer-value', stricter);
    expect(res).toEqual({ status: 200, body: { config: stricter, recomputeQueued: true } });
    await until(() => valueOf(ids.gold!), (v) => v.segment === 'meteor');
    // New rules moved them, not their buying: the move says so, and reports leave it out.
    const [move] = await server.sb.ctx.db
      .select({ data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.action, SEGMENT_CHANGE_ACTION), eq(auditLog.entityId, ids.gold!)))
      .orderBy(auditLog.id)
      .then((rows) => rows.slice(-1));
    expect(move?.data).toEqual({ from: 'gold', to: 'meteor', cause: 'rules' });
    // The reasons follow the thresholds in force: eight orders are no longer "often".
    const reasons = (await api('GET', `/api/customers/${ids.gold}/profile`)).body.valueReasons as Array<{ key: string }>;
    expect(reasons.map((r) => r.key)).toEqual(expect.arrayContaining(['customerValue.frequency.rare', 'customerValue.perOrder.high']));
    const [audit] = await server.sb.ctx.db
      .select({ data: auditLog.data })
      .from(auditLog)
      .where(eq(auditLog.action, 'settings.customer-value'))
      .orderBy(auditLog.id)
      .then((rows) => rows.slice(-1));
    expect(audit?.data).toEqual(stricter);

    expect((await api('PUT', '/api/settings/customer-value', defaults)).status).toBe(200);
    await until(() => valueOf(ids.gold!), (v) => v.segment === 'gold');
  });

  it('compares money across currencies at the configured rates, and at face value without', async () => {
    const id = await customer('CV dollars');
    const res = await api('POST', '/api/orders', { customerId: id, externalId: `cv-usd-${Date.now()}`, total: 100, margin: 20, currency: 'USD', status: 'delivered', placedAt: new Date(Date.now() - DAY).toISOString() });
    expect(res.status).toBe(201);
    const filter = { windowStart: new Date(Date.now() - 30 * DAY), excludedStatuses: [] };
    const sql = server.sb.ctx.database.sql;
    expect(await aggregateOne(sql, id, { ...filter, currencyRates: {} })).toMatchObject({ totalValue: 100, totalMargin: 20 });
    expect(await aggregateOne(sql, id, { ...filter, currencyRates: { USD: 7.2, EUR: 7.8 } })).toMatchObject({ totalValue: 720, totalMargin: 144 });
    // A currency without a rate counts at face value.
    expect(await aggregateOne(sql, id, { ...filter, currencyRates: { EUR: 7.8 } })).toMatchObject({ totalValue: 100 });

    const withRates = { ...defaults, currencyRates: { USD: 7.2 } };
    expect((await api('PUT', '/api/settings/customer-value', withRates)).body).toEqual({ config: withRates, recomputeQueued: true });
    expect((await api('PUT', '/api/settings/customer-value', { ...defaults, currencyRates: undefined })).body.config).toEqual(defaults);
  });
});
