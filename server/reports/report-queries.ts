import type postgres from 'postgres';
import type { ReportRange } from './report-range';
import { SEGMENT_CHANGE_ACTION } from '../customers/recompute-value-store';
import type { RfmConfig } from '../customers/value/rfm-config';

export type ReportName = 'calls' | 'complaints' | 'followups' | 'customers';
export const REPORT_NAMES: ReportName[] = ['calls', 'complaints', 'followups', 'customers'];

export interface ReportSpec {
  /** Column names, in order: the JSON rows' keys and the CSV header. */
  columns: string[];
  /** Per day (calls, complaints, follow-ups) or per month (customers), in the range's time zone. */
  bucket: 'day' | 'month';
  /** `teamId`: a team supervisor's scope (their team and what belongs to no team); null counts everything. */
  query(sql: postgres.Sql, range: ReportRange, config: RfmConfig, teamId: string | null): postgres.PendingQuery<postgres.Row[]>;
}

/** Every bucket of the range, so quiet days show as zeros rather than gaps in the chart. */
const buckets = (sql: postgres.Sql, range: ReportRange, unit: 'day' | 'month') => sql`
  select b::date as bucket from generate_series(
    date_trunc(${unit}, ${range.from}::timestamptz at time zone ${range.tz}),
    (${range.to}::timestamptz at time zone ${range.tz}) - interval '1 microsecond',
    ${`1 ${unit}`}::interval) b`;

const local = (sql: postgres.Sql, column: postgres.PendingQuery<postgres.Row[]>, range: ReportRange, unit: 'day' | 'month') =>
  sql`date_trunc(${unit}, ${column} at time zone ${range.tz})::date`;

// Team scope as everywhere else (queue boards, customer search): rows of the team and rows of no
// team; what belongs to another team is left out. Written as "not another team's" so a row whose
// queue or customer is gone still counts.
const callInScope = (sql: postgres.Sql, teamId: string | null) =>
  teamId ? sql`and not exists (select 1 from queues q where q.id = calls.queue_id and q.team_id <> ${teamId})` : sql``;
const customerInScope = (sql: postgres.Sql, teamId: string | null, customerId: postgres.PendingQuery<postgres.Row[]>) =>
  teamId ? sql`and not exists (select 1 from customers sc where sc.id = ${customerId} and sc.team_id <> ${teamId})` : sql``;

// Segments from worst to best: an upgrade moves right. No segment (no orders) is neither.
const rank = (sql: postgres.Sql, expr: string) =>
  sql.unsafe(`case ${expr} when 'burden' then 1 when 'stream' then 2 when 'meteor' then 3 when 'gold' then 4 end`);

export const REPORTS: Record<ReportName, ReportSpec> = {
  calls: {
    columns: ['day', 'offered', 'answered', 'abandoned', 'missed'],
    bucket: 'day',
    query: (sql, range, _config, teamId) => sql`
      with b as (${buckets(sql, range, 'day')}),
      c as (
        select ${local(sql, sql`started_at`, range, 'day')} as bucket,
          count(*)::int as offered,
          count(*) filter (where answered_at is not null)::int as answered,
          count(*) filter (where state = 'abandoned')::int as abandoned,
          count(*) filter (where state = 'missed')::int as missed
        from calls where started_at >= ${range.from} and started_at < ${range.to} ${callInScope(sql, teamId)} group by 1
      )
      select to_char(b.bucket, 'YYYY-MM-DD') as day, coalesce(offered, 0) as offered, coalesce(answered, 0) as answered,
        coalesce(abandoned, 0) as abandoned, coalesce(missed, 0) as missed
      from b left join c using (bucket) order by b.bucket`,
  },
  complaints: {
    columns: ['day', 'opened', 'closed', 'avgHoursToResolve', 'medianHoursToResolve'],
    bucket: 'day',
    // Closed = resolved (or closed without a resolution step), on the day that happened.
    query: (sql, range, _config, teamId) => sql`
      with b as (${buckets(sql, range, 'day')}),
      o as (
        select ${local(sql, sql`created_at`, range, 'day')} as bucket, count(*)::int as opened
        from complaints where created_at >= ${range.from} and created_at < ${range.to} ${customerInScope(sql, teamId, sql`complaints.customer_id`)} group by 1
      ),
      d as (
        select ${local(sql, sql`coalesce(resolved_at, closed_at)`, range, 'day')} as bucket, count(*)::int as closed,
          round((avg(extract(epoch from coalesce(resolved_at, closed_at) - created_at)) / 3600)::numeric, 2)::float8 as avg_h,
          round((percentile_cont(0.5) within group (order by extract(epoch from coalesce(resolved_at, closed_at) - created_at)) / 3600)::numeric, 2)::float8 as median_h
        from complaints
        where coalesce(resolved_at, closed_at) >= ${range.from} and coalesce(resolved_at, closed_at) < ${range.to}
          ${customerInScope(sql, teamId, sql`complaints.customer_id`)}
        group by 1
      )
      select to_char(b.bucket, 'YYYY-MM-DD') as day, coalesce(opened, 0) as opened, coalesce(closed, 0) as closed,
        avg_h as "avgHoursToResolve", median_h as "medianHoursToResolve"
      from b left join o using (bucket) left join d using (bucket) order by b.bucket`,
  },
  followups: {
    columns: ['day', 'done', 'failed', 'cancelled'],
    bucket: 'day',
    query: (sql, range, _config, teamId) => sql`
      with b as (${buckets(sql, range, 'day')}),
      f as (
        select ${local(sql, sql`coalesce(completed_at, updated_at)`, range, 'day')} as bucket,
          count(*) filter (where status = 'completed')::int as done,
          count(*) filter (where status = 'failed')::int as failed,
          count(*) filter (where status = 'cancelled')::int as cancelled
        from follow_ups
        where status in ('completed', 'failed', 'cancelled')
          and coalesce(completed_at, updated_at) >= ${range.from} and coalesce(completed_at, updated_at) < ${range.to}
          ${customerInScope(sql, teamId, sql`follow_ups.customer_id`)}
        group by 1
      )
      select to_char(b.bucket, 'YYYY-MM-DD') as day, coalesce(done, 0) as done, coalesce(failed, 0) as failed, coalesce(cancelled, 0) as cancelled
      from b left join f using (bucket) order by b.bucket`,
  },
  customers: {
    columns: ['month', 'new', 'churned', 'upgraded', 'downgraded'],
    bucket: 'month',
    // Churned: a purchase after which none followed within the RFM window; the customer churns the
    // moment that window closes (counted only once it has closed). Upgraded / downgraded: the
    // segment history the value job writes to audit_log, less the moves new scoring rules caused.
    query: (sql, range, config, teamId) => sql`
      with b as (${buckets(sql, range, 'month')}),
      n as (
        select ${local(sql, sql`created_at`, range, 'month')} as bucket, count(*)::int as new
        from customers where created_at >= ${range.from} and created_at < ${range.to}
          ${teamId ? sql`and (team_id is null or team_id = ${teamId})` : sql``}
        group by 1
      ),
      purchases as (
        select placed_at, lead(placed_at) over (partition by customer_id order by placed_at) as next_at
        from orders where status <> all(${config.excludedStatuses}::text[]) and placed_at < ${range.to}
          ${customerInScope(sql, teamId, sql`orders.customer_id`)}
      ),
      ch as (
        select ${local(sql, sql`(placed_at + ${`${config.windowDays} days`}::interval)`, range, 'month')} as bucket, count(*)::int as churned
        from purchases
        where placed_at + ${`${config.windowDays} days`}::interval >= ${range.from}
          and placed_at + ${`${config.windowDays} days`}::interval < least(${range.to}::timestamptz, now())
          and (next_at is null or next_at > placed_at + ${`${config.windowDays} days`}::interval)
        group by 1
      ),
      seg as (
        select ${local(sql, sql`at`, range, 'month')} as bucket,
          count(*) filter (where ${rank(sql, "data->>'to'")} > ${rank(sql, "data->>'from'")})::int as upgraded,
          count(*) filter (where ${rank(sql, "data->>'to'")} < ${rank(sql, "data->>'from'")})::int as downgraded
        from audit_log where action = ${SEGMENT_CHANGE_ACTION} and at >= ${range.from} and at < ${range.to}
          and coalesce(data->>'cause', 'purchases') <> 'rules'
          ${customerInScope(sql, teamId, sql`(case when audit_log.entity = 'customer' then audit_log.entity_id::uuid end)`)}
        group by 1
      )
      select to_char(b.bucket, 'YYYY-MM') as month, coalesce(new, 0) as new, coalesce(churned, 0) as churned,
        coalesce(upgraded, 0) as upgraded, coalesce(downgraded, 0) as downgraded
      from b left join n using (bucket) left join ch using (bucket) left join seg using (bucket) order by b.bucket`,
  },
};
