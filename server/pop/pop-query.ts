import type postgres from 'postgres';

/**
 * The whole screen-pop in one round trip: matched customers (best first), and for the best match
 * its newest 20 contacts, newest 20 orders, open complaints and pending follow-ups.
 * postgres.js prepares tagged statements, so after the first call only parameters travel.
 */
export interface PopRow {
  candidates: Array<{
    id: string;
    name: string;
    email: string | null;
    tags: string[];
    timezone: string | null;
    locale: string | null;
    segment: 'gold' | 'meteor' | 'stream' | 'burden' | null;
    rfm_recency: number | null;
    rfm_frequency: number | null;
    rfm_monetary: number | null;
    phones: string[];
  }>;
  history: Array<{ id: string; at: string; channel: string; direction: string; summary: string; disposition: string | null; agent_id: string | null; agent_name: string | null }>;
  orders: Array<{ id: string; external_id: string; total: string; currency: string; status: string; placed_at: string }>;
  complaints: Array<{ id: string; summary: string; category: string; severity: string; status: string; level: number; assignee_id: string | null; respond_by: string | null; resolve_by: string | null; created_at: string }>;
  follow_ups: Array<{ id: string; reason: string; kind: string; due_at: string; status: string; attempt: number; assignee_id: string | null }>;
}

const MAX_CANDIDATES = 10;

// The body after the matched-customer CTE `m`, shared by both lookups.
function popTail(sql: postgres.Sql) {
  return sql`
    , top as (select id from m limit 1)
    select
      coalesce((select json_agg(row_to_json(m)) from m), '[]') as candidates,
      coalesce((select json_agg(h) from (
        select i.id, i.at, i.channel, i.direction, i.summary, i.disposition, u.id as agent_id, u.name as agent_name
        from interactions i left join users u on u.id = i.agent_id
        where i.customer_id = (select id from top) order by i.at desc limit 20) h), '[]') as history,
      coalesce((select json_agg(o) from (
        select id, external_id, total, currency, status, placed_at from orders
        where customer_id = (select id from top) order by placed_at desc limit 20) o), '[]') as orders,
      coalesce((select json_agg(c) from (
        select id, summary, category, severity, status, level, assignee_id, respond_by, resolve_by, created_at from complaints
        where customer_id = (select id from top) and status not in ('resolved', 'closed') order by created_at desc limit 20) c), '[]') as complaints,
      coalesce((select json_agg(f) from (
        select id, reason, kind, due_at, status, attempt, assignee_id from follow_ups
        where customer_id = (select id from top) and status in ('pending', 'offered') order by due_at asc limit 20) f), '[]') as follow_ups`;
}

const customerColumns = (sql: postgres.Sql) => sql`
  c.id, c.name, c.email, c.tags, c.timezone, c.locale, c.segment, c.rfm_recency, c.rfm_frequency, c.rfm_monetary,
  coalesce((select array_agg(p.e164 order by p.id) from customer_phones p where p.customer_id = c.id), '{}') as phones`;

/** Customers sharing the number, most recently contacted first. */
export async function queryPopByPhone(sql: postgres.Sql, e164: string): Promise<PopRow> {
  const [row] = await sql<PopRow[]>`
    with m as (
      select ${customerColumns(sql)}
      from customers c
      where c.id in (select customer_id from customer_phones where e164 = ${e164})
      order by (select max(at) from interactions i where i.customer_id = c.id) desc nulls last, c.created_at asc
      limit ${MAX_CANDIDATES}
    ) ${popTail(sql)}`;
  return row!;
}

export async function queryPopByCustomer(sql: postgres.Sql, customerId: string): Promise<PopRow> {
  const [row] = await sql<PopRow[]>`
    with m as (select ${customerColumns(sql)} from customers c where c.id = ${customerId}) ${popTail(sql)}`;
  return row!;
}
