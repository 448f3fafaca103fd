import type postgres from 'postgres';
import type { CustomerAggregate, CustomerValue } from './value/customer-value-types';
import type { RfmConfig } from './value/rfm-config';

/** Actor of the value job's audit rows (segment history): no user, no integration. */
export const SYSTEM_ACTOR = 'system';
export const SEGMENT_CHANGE_ACTION = 'customer.segment-change';

/**
 * Why segments moved, kept with each move: `purchases` (orders, or time passing in the window) is a
 * customer's own doing; `rules` (the first full run, or the first after the settings changed) is
 * ours, and the customers report does not count it as customers upgrading or downgrading.
 */
export type SegmentChangeCause = 'purchases' | 'rules';

interface AggregateRow {
  id: string;
  last: Date;
  n: number;
  value: number;
  margin: number | null;
}

const toAggregate = (r: AggregateRow): CustomerAggregate => ({
  customerId: r.id,
  lastOrderAt: r.last,
  orderCount: r.n,
  totalValue: r.value,
  totalMargin: r.margin,
});

/** Which orders count as purchases, and how their currencies compare. */
export interface PurchaseFilter {
  windowStart: Date;
  excludedStatuses: string[];
  /** Value of one unit of each currency in the base currency; a currency not listed counts at face value. */
  currencyRates: Record<string, number>;
}

/** The purchases a value run counts under `config`, from `windowStart` on. */
export const purchaseFilter = (config: RfmConfig, windowStart: Date): PurchaseFilter => ({
  windowStart,
  excludedStatuses: config.excludedStatuses,
  currencyRates: config.currencyRates,
});

/**
 * Per customer, their purchases since windowStart, money in the base currency. Margin counts only
 * when every one of those orders carries it (a half-known margin would flatter the customer);
 * otherwise value is used. float8 is exact enough for ranking and ~3x cheaper to ship than numeric
 * strings. Without rates the join is left out: the nightly run over a million customers stays a plain scan.
 */
function aggregateQuery(sql: postgres.Sql, filter: PurchaseFilter, customerId?: string) {
  const codes = Object.keys(filter.currencyRates);
  const converted = codes.length > 0;
  const rate = converted ? sql`coalesce(rates.rate, 1)` : sql`1`;
  return sql<AggregateRow[]>`
    select customer_id as id, max(placed_at) as last, count(*)::int as n, sum(total::float8 * ${rate})::float8 as value,
      case when count(margin) = count(*) then sum(margin::float8 * ${rate})::float8 end as margin
    from orders
      ${converted ? sql`left join unnest(${codes}::text[], ${codes.map((c) => filter.currencyRates[c] as number)}::float8[]) as rates(code, rate) on rates.code = orders.currency` : sql``}
    where placed_at >= ${filter.windowStart} and status <> all(${filter.excludedStatuses}::text[])
      ${customerId ? sql`and customer_id = ${customerId}` : sql``}
    group by customer_id`;
}

export async function aggregateOne(sql: postgres.Sql, customerId: string, filter: PurchaseFilter): Promise<CustomerAggregate> {
  const [row] = await aggregateQuery(sql, filter, customerId);
  return row ? toAggregate(row) : { customerId, lastOrderAt: null, orderCount: 0, totalValue: 0, totalMargin: null };
}

/** Streams every customer's aggregate with a server-side cursor, `batchSize` rows at a time. */
export async function streamAggregates(
  sql: postgres.Sql,
  filter: PurchaseFilter,
  batchSize: number,
  onBatch: (batch: CustomerAggregate[]) => Promise<void> | void,
): Promise<void> {
  for await (const rows of aggregateQuery(sql, filter).cursor(batchSize)) {
    await onBatch(rows.map(toAggregate));
  }
}

/**
 * Writes scores and segments in one statement; rows whose value did not change are not touched
 * (a nightly run over a million customers rewrites only what moved, sparing the indexes). A
 * segment that moved is recorded in audit_log ('customer.segment-change' {from, to}): the
 * segment history the reports read, with its cause. Returns how many customers changed.
 */
export async function writeValues(sql: postgres.Sql, values: CustomerValue[], now: Date, cause: SegmentChangeCause = 'purchases'): Promise<{ changed: number; segmentChanges: number }> {
  if (values.length === 0) return { changed: 0, segmentChanges: 0 };
  const ids = values.map((v) => v.customerId);
  const r = values.map((v) => v.rfm?.recency ?? null);
  const f = values.map((v) => v.rfm?.frequency ?? null);
  const m = values.map((v) => v.rfm?.monetary ?? null);
  const s = values.map((v) => v.segment);
  const p = values.map((v) => v.perOrderScore);
  const n = values.map((v) => (v.rfm ? v.orderCount : null));
  // postgres.js sends no bool[]: the flags travel as 0/1.
  const l = values.map((v) => (v.lossMaking ? 1 : 0));
  const [row] = await sql<{ changed: number; segment_changes: number }[]>`
    with v as (
      select u.*, u.loss_flag <> 0 as loss from unnest(${ids}::uuid[], ${r}::int2[], ${f}::int2[], ${m}::int2[], ${s}::segment[], ${p}::int2[], ${n}::int4[], ${l}::int2[])
        as u(id, r, f, m, seg, per_order, n, loss_flag)
    ), old as (
      select c.id, c.segment from customers c join v on v.id = c.id
      where (c.rfm_recency, c.rfm_frequency, c.rfm_monetary, c.segment, c.value_per_order_score, c.value_order_count, c.value_loss_making)
        is distinct from (v.r, v.f, v.m, v.seg, v.per_order, v.n, v.loss)
    ), upd as (
      update customers c set rfm_recency = v.r, rfm_frequency = v.f, rfm_monetary = v.m, segment = v.seg,
        value_per_order_score = v.per_order, value_order_count = v.n, value_loss_making = v.loss, value_computed_at = ${now}
      from v join old on old.id = v.id where c.id = v.id
      returning c.id
    ), hist as (
      insert into audit_log (actor_kind, action, entity, entity_id, data, at)
      select ${SYSTEM_ACTOR}, ${SEGMENT_CHANGE_ACTION}, 'customer', old.id::text, jsonb_build_object('from', old.segment, 'to', v.seg, 'cause', ${cause}::text), ${now}
      from old join v on v.id = old.id where old.segment is distinct from v.seg
      returning 1
    )
    select (select count(*) from upd)::int as changed, (select count(*) from hist)::int as segment_changes`;
  return { changed: row?.changed ?? 0, segmentChanges: row?.segment_changes ?? 0 };
}

/** Customers still scored who no longer have a purchase in the window: scores and segment cleared. */
export async function clearLapsed(sql: postgres.Sql, windowStart: Date, excludedStatuses: string[], now: Date, cause: SegmentChangeCause = 'purchases'): Promise<number> {
  const [row] = await sql<{ cleared: number }[]>`
    with gone as (
      select c.id, c.segment from customers c
      where (c.segment is not null or c.rfm_recency is not null)
        and not exists (select 1 from orders o where o.customer_id = c.id and o.placed_at >= ${windowStart} and o.status <> all(${excludedStatuses}::text[]))
    ), upd as (
      update customers c set rfm_recency = null, rfm_frequency = null, rfm_monetary = null, segment = null,
        value_per_order_score = null, value_order_count = null, value_loss_making = false, value_computed_at = ${now}
      from gone where c.id = gone.id returning c.id
    ), hist as (
      insert into audit_log (actor_kind, action, entity, entity_id, data, at)
      select ${SYSTEM_ACTOR}, ${SEGMENT_CHANGE_ACTION}, 'customer', gone.id::text, jsonb_build_object('from', gone.segment, 'to', null, 'cause', ${cause}::text), ${now}
      from gone where gone.segment is not null
      returning 1
    )
    select (select count(*) from upd)::int as cleared, (select count(*) from hist) as h`;
  return row?.cleared ?? 0;
}
