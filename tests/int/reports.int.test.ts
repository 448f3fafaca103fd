import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { createUser, login, startTestServer, type TestServer } from '../support/test-server';

const API_TOKEN = 'reports-test-token';
let db: TestDatabase;
let server: TestServer;

const t = (iso: string) => new Date(iso);

beforeAll(async () => {
  db = await createTestDatabase('reports');
  server = await startTestServer(db.url, { API_TOKEN }, { workers: false });
  const sql = server.sb.ctx.database.sql;
  // Three days of activity, written directly: this test is about what the reports read.
  const [c1, c2, c3] = await sql<{ id: string }[]>`
    insert into customers (name, created_at) values ('R one', ${t('2025-01-10T09:00:00Z')}), ('R two', ${t('2025-02-03T09:00:00Z')}), ('R three', ${t('2025-02-20T09:00:00Z')})
    returning id`;
  const calls = [
    ['2025-03-01T09:00:00Z', 'completed', true],
    ['2025-03-01T10:00:00Z', 'abandoned', false],
    ['2025-03-01T11:00:00Z', 'completed', true],
    ['2025-03-03T23:30:00Z', 'missed', false],
  ] as const;
  for (const [i, [at, state, answered]] of calls.entries()) {
    await sql`insert into calls (provider, provider_call_id, from_number, to_number, state, started_at, answered_at)
      values ('cti', ${`r-${i}`}, '+8613800138000', '+861085551234', ${state}, ${t(at)}, ${answered ? t(at) : null})`;
  }
  const [policy] = await sql<{ id: string }[]>`insert into escalation_policies (name) values ('r-policy') returning id`;
  await sql`insert into complaints (customer_id, summary, category, severity, status, policy_id, created_at, resolved_at) values
    (${c1!.id}, 'late', 'delivery', 'low', 'resolved', ${policy!.id}, ${t('2025-03-01T08:00:00Z')}, ${t('2025-03-02T08:00:00Z')}),
    (${c1!.id}, 'broken', 'quality', 'high', 'resolved', ${policy!.id}, ${t('2025-03-01T12:00:00Z')}, ${t('2025-03-02T00:00:00Z')}),
    (${c2!.id}, 'rude', 'service', 'medium', 'new', ${policy!.id}, ${t('2025-03-02T12:00:00Z')}, null)`;
  await sql`insert into follow_ups (customer_id, reason, due_at, status, completed_at, updated_at) values
    (${c1!.id}, 'call back', ${t('2025-03-01T09:00:00Z')}, 'completed', ${t('2025-03-01T10:00:00Z')}, ${t('2025-03-01T10:00:00Z')}),
    (${c2!.id}, 'call back', ${t('2025-03-01T09:00:00Z')}, 'failed', null, ${t('2025-03-02T10:00:00Z')}),
    (${c3!.id}, 'check in', ${t('2025-03-05T09:00:00Z')}, 'pending', null, ${t('2025-03-01T10:00:00Z')})`;
  // c1 bought in January 2024 and not again within 365 days: churned in January 2025. c2 bought twice, close together.
  await sql`insert into orders (customer_id, external_id, total, currency, status, placed_at) values
    (${c1!.id}, 'r-o1', 100, 'CNY', 'delivered', ${t('2024-01-15T00:00:00Z')}),
    (${c2!.id}, 'r-o2', 100, 'CNY', 'delivered', ${t('2024-02-10T00:00:00Z')}),
    (${c2!.id}, 'r-o3', 100, 'CNY', 'delivered', ${t('2024-03-10T00:00:00Z')}),
    (${c3!.id}, 'r-o4', 100, 'CNY', 'cancelled', ${t('2024-01-20T00:00:00Z')})`;
  await sql`insert into audit_log (actor_kind, action, entity, entity_id, data, at) values
    ('system', 'customer.segment-change', 'customer', ${c1!.id}, ${sql.json({ from: 'stream', to: 'gold' })}, ${t('2025-02-05T03:00:00Z')}),
    ('system', 'customer.segment-change', 'customer', ${c2!.id}, ${sql.json({ from: 'gold', to: 'burden' })}, ${t('2025-02-06T03:00:00Z')}),
    ('system', 'customer.segment-change', 'customer', ${c3!.id}, ${sql.json({ from: null, to: 'meteor' })}, ${t('2025-02-07T03:00:00Z')}),
    -- Moved by new scoring rules, not by the customer: no upgrade.
    ('system', 'customer.segment-change', 'customer', ${c3!.id}, ${sql.json({ from: 'meteor', to: 'gold', cause: 'rules' })}, ${t('2025-02-08T03:00:00Z')}),
    ('system', 'customer.segment-change', 'customer', ${c2!.id}, ${sql.json({ from: 'burden', to: 'stream', cause: 'purchases' })}, ${t('2025-03-02T03:00:00Z')})`;
});
afterAll(async () => {
  await server?.close();
  await db?.drop();
});

async function report(path: string) {
  const res = await fetch(`${server.url}/api/reports/${path}`, { headers: { authorization: `Bearer ${API_TOKEN}` } });
  return { status: res.status, body: (await res.json()) as { rows: Array<Record<string, unknown>>; columns: string[] } };
}

describe('reports API', () => {
  it('counts calls per day answered, abandoned and missed, zero days included', async () => {
    const { body } = await report('calls?from=2025-03-01&to=2025-03-03');
    expect(body.rows).toEqual([
      { day: '2025-03-01', offered: 3, answered: 2, abandoned: 1, missed: 0 },
      { day: '2025-03-02', offered: 0, answered: 0, abandoned: 0, missed: 0 },
      { day: '2025-03-03', offered: 1, answered: 0, abandoned: 0, missed: 1 },
    ]);
    // Days are cut in the time zone asked for: 23:30 UTC on the 3rd is the 4th in Shanghai.
    const shanghai = await report('calls?from=2025-03-03&to=2025-03-04&tz=Asia/Shanghai');
    expect(shanghai.body.rows.map((r) => [r.day, r.missed])).toEqual([['2025-03-03', 0], ['2025-03-04', 1]]);
  });

  it('counts complaints opened and closed with the time to resolve', async () => {
    const { body } = await report('complaints?from=2025-03-01&to=2025-03-02');
    expect(body.rows).toEqual([
      { day: '2025-03-01', opened: 2, closed: 0, avgHoursToResolve: null, medianHoursToResolve: null },
      { day: '2025-03-02', opened: 1, closed: 2, avgHoursToResolve: 18, medianHoursToResolve: 18 },
    ]);
  });

  it('counts follow-ups done and failed', async () => {
    const { body } = await report('followups?from=2025-03-01&to=2025-03-02');
    expect(body.rows).toEqual([
      { day: '2025-03-01', done: 1, failed: 0, cancelled: 0 },
      { day: '2025-03-02', done: 0, failed: 1, cancelled: 0 },
    ]);
  });

  it('counts new, churned, upgraded and downgraded customers per month', async () => {
    const { body } = await report('customers?from=2025-01-01&to=2025-03-31');
    expect(body.rows).toEqual([
      { month: '2025-01', new: 1, churned: 1, upgraded: 0, downgraded: 0 },
      { month: '2025-02', new: 2, churned: 0, upgraded: 1, downgraded: 1 },
      { month: '2025-03', new: 0, churned: 1, upgraded: 1, downgraded: 0 },
    ]);
  });

  it('exports every report as CSV', async () => {
    const res = await fetch(`${server.url}/api/reports/calls.csv?from=2025-03-01&to=2025-03-03`, { headers: { authorization: `Bearer ${API_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await res.text()).toBe('day,offered,answered,abandoned,missed\r\n2025-03-01,3,2,1,0\r\n2025-03-02,0,0,0,0\r\n2025-03-03,1,0,0,1\r\n');
    for (const name of ['complaints', 'followups', 'customers']) {
      const r = await fetch(`${server.url}/api/reports/${name}.csv`, { headers: { authorization: `Bearer ${API_TOKEN}` } });
      expect(r.status).toBe(200);
      await r.arrayBuffer();
    }
  });

  it('is for supervisors and admins only, and refuses a bad range', async () => {
    const agent = await createUser(server.sb, { role: 'agent' });
    const supervisor = await createUser(server.sb, { role: 'supervisor' });
    const asAgent = await login(server.url, agent.email, agent.password);
    const asSupervisor = await login(server.url, supervisor.email, supervisor.password);
    const status = (token: string, path: string) => fetch(`${server.url}/api/reports/${path}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    expect(await status(asAgent.token, 'calls')).toBe(403);
    expect(await status(asAgent.token, 'calls.csv')).toBe(403);
    expect(await status(asSupervisor.token, 'calls')).toBe(200);
    expect((await report('calls?from=2025-03-05&to=2025-03-01')).status).toBe(400);
    expect((await report('nothing')).status).toBe(400);
  });
});

describe('team scope', () => {
  // June 2025, away from the figures above: one of everything in team A, team B and no team.
  it("gives a team supervisor their team's figures and those of no team, admins everything", async () => {
    const sql = server.sb.ctx.database.sql;
    const [teamA, teamB] = await sql<{ id: string }[]>`insert into teams (name) values ('Reports A'), ('Reports B') returning id`;
    const [qA, qB, q0] = await sql<{ id: string }[]>`
      insert into queues (name, team_id) values ('reports-a', ${teamA!.id}), ('reports-b', ${teamB!.id}), ('reports-none', null) returning id`;
    const [cA, cB, c0] = await sql<{ id: string }[]>`
      insert into customers (name, team_id, created_at) values
        ('In A', ${teamA!.id}, ${t('2025-06-02T09:00:00Z')}), ('In B', ${teamB!.id}, ${t('2025-06-02T09:00:00Z')}), ('In none', null, ${t('2025-06-02T09:00:00Z')})
      returning id`;
    for (const [i, queue] of [qA!.id, qB!.id, q0!.id, null].entries()) {
      await sql`insert into calls (provider, provider_call_id, from_number, to_number, state, started_at, queue_id)
        values ('cti', ${`team-${i}`}, '+8613800138000', '+861085551234', 'abandoned', ${t('2025-06-02T10:00:00Z')}, ${queue})`;
    }
    const [policy] = await sql<{ id: string }[]>`insert into escalation_policies (name) values ('team-policy') returning id`;
    for (const [i, customer] of [cA!, cB!, c0!].entries()) {
      await sql`insert into complaints (customer_id, summary, category, severity, status, policy_id, created_at) values
        (${customer.id}, 'late', 'delivery', 'low', 'new', ${policy!.id}, ${t('2025-06-02T08:00:00Z')})`;
      await sql`insert into follow_ups (customer_id, reason, due_at, status, completed_at, updated_at) values
        (${customer.id}, 'call back', ${t('2025-06-02T09:00:00Z')}, 'completed', ${t('2025-06-02T10:00:00Z')}, ${t('2025-06-02T10:00:00Z')})`;
      await sql`insert into orders (customer_id, external_id, total, currency, status, placed_at) values
        (${customer.id}, ${`team-o${i}`}, 100, 'CNY', 'delivered', ${t('2024-06-05T00:00:00Z')})`;
      const change = customer === c0 ? { from: 'gold', to: 'stream' } : { from: 'stream', to: 'gold' };
      await sql`insert into audit_log (actor_kind, action, entity, entity_id, data, at) values
        ('system', 'customer.segment-change', 'customer', ${customer.id}, ${sql.json(change)}, ${t('2025-06-10T03:00:00Z')})`;
    }
    const supervisor = await createUser(server.sb, { role: 'supervisor', teamId: teamA!.id });
    const { token } = await login(server.url, supervisor.email, supervisor.password);
    const as = async (auth: string, path: string) => {
      const res = await fetch(`${server.url}/api/reports/${path}`, { headers: { authorization: `Bearer ${auth}` } });
      expect(res.status).toBe(200);
      return path.includes('.csv') ? res.text() : ((await res.json()) as { rows: Array<Record<string, unknown>> }).rows;
    };
    const range = 'from=2025-06-02&to=2025-06-02';

    expect(await as(API_TOKEN, `calls?${range}`)).toEqual([{ day: '2025-06-02', offered: 4, answered: 0, abandoned: 4, missed: 0 }]);
    expect(await as(token, `calls?${range}`)).toEqual([{ day: '2025-06-02', offered: 3, answered: 0, abandoned: 3, missed: 0 }]);
    expect(await as(token, `calls.csv?${range}`)).toBe('day,offered,answered,abandoned,missed\r\n2025-06-02,3,0,3,0\r\n');
    expect((await as(API_TOKEN, `complaints?${range}`)) as unknown[]).toMatchObject([{ opened: 3 }]);
    expect((await as(token, `complaints?${range}`)) as unknown[]).toMatchObject([{ opened: 2 }]);
    expect(await as(API_TOKEN, `followups?${range}`)).toEqual([{ day: '2025-06-02', done: 3, failed: 0, cancelled: 0 }]);
    expect(await as(token, `followups?${range}`)).toEqual([{ day: '2025-06-02', done: 2, failed: 0, cancelled: 0 }]);
    const month = 'from=2025-06-01&to=2025-06-30';
    expect(await as(API_TOKEN, `customers?${month}`)).toEqual([{ month: '2025-06', new: 3, churned: 3, upgraded: 2, downgraded: 1 }]);
    expect(await as(token, `customers?${month}`)).toEqual([{ month: '2025-06', new: 2, churned: 2, upgraded: 1, downgraded: 1 }]);
  });
});
