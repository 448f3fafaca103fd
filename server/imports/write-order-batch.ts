import type postgres from 'postgres';
import type { OrderImportRow } from './import-rows';

export interface OrderBatchResult {
  /** Row indexes (into `rows`) whose customer_external_id matches no customer. */
  unknownCustomer: number[];
  /** Orders created or changed: their customers' value must be recomputed. */
  changed: number;
}

/**
 * Upserts a batch keyed by orders.external_id; customers are found by their external_id in the
 * same statement. An order equal to the stored one is not rewritten, so a re-import changes nothing.
 * Without a margin column in the file (`withMargin` false) a stored margin is kept, not cleared.
 */
export async function writeOrderBatch(sql: postgres.Sql, rows: OrderImportRow[], withMargin = true): Promise<OrderBatchResult> {
  const margin = withMargin ? sql`excluded.margin` : sql`orders.margin`;
  const lastIndex = new Map(rows.map((r, i) => [r.externalId, i]));
  const records = [...lastIndex.values()].map((i) => {
    const r = rows[i]!;
    return { i, external_id: r.externalId, customer_external_id: r.customerExternalId, total: r.total, currency: r.currency, status: r.status, placed_at: r.placedAt, margin: r.margin };
  });
  const [result] = await sql<{ unknown: number[] | null; changed: number }[]>`
    with r as (
      select * from jsonb_to_recordset(${sql.json(records as unknown as postgres.JSONValue)}::jsonb)
        as r(i int, external_id text, customer_external_id text, total numeric, currency text, status text, placed_at timestamptz, margin numeric)
    ), j as (
      select r.*, c.id as customer_id from r left join customers c on c.external_id = r.customer_external_id
    ), ins as (
      insert into orders (customer_id, external_id, total, margin, currency, status, placed_at)
      select customer_id, external_id, total, margin, currency, status, placed_at from j where customer_id is not null
      on conflict (external_id) do update set
        customer_id = excluded.customer_id, total = excluded.total, margin = ${margin}, currency = excluded.currency,
        status = excluded.status, placed_at = excluded.placed_at, updated_at = now()
      where (orders.customer_id, orders.total, orders.margin, orders.currency, orders.status, orders.placed_at)
        is distinct from (excluded.customer_id, excluded.total, ${margin}, excluded.currency, excluded.status, excluded.placed_at)
      returning 1
    )
    select (select array_agg(i) from j where customer_id is null) as unknown, (select count(*) from ins)::int as changed`;
  return { unknownCustomer: result?.unknown ?? [], changed: result?.changed ?? 0 };
}
