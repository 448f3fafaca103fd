import type postgres from 'postgres';
import { cursorKey, encodeCursor, olderThan, type KeysetCursor } from '../lib/keyset-cursor';

export { decodeCursor } from '../lib/keyset-cursor';

export type TimelineKind = 'interaction' | 'call' | 'complaint' | 'followup';

export interface TimelineItem {
  kind: TimelineKind;
  id: string;
  at: string;
  /** interaction: channel; call: state; complaint: status; follow-up: status. */
  status: string;
  summary: string;
  /** interaction/call: direction; complaint: severity; follow-up: kind. */
  detail: string | null;
  agent: { id: string; name: string } | null;
}

export interface TimelinePage {
  items: TimelineItem[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export const TIMELINE_MAX_LIMIT = 100;

interface Row {
  kind: TimelineKind;
  id: string;
  at: Date;
  /** `at` to the microsecond, as PostgreSQL keeps it: a Date's milliseconds would skip rows on the page edge. */
  at_key: string;
  status: string;
  summary: string | null;
  detail: string | null;
  agent_id: string | null;
  agent_name: string | null;
}

/**
 * One customer's contacts, calls, complaints and follow-ups, newest first, keyset-paginated on
 * (at, id). Each source takes at most `limit` + 1 rows (one more tells whether a next page exists)
 * before the merge, through its (customer, time) index where it has one (contacts and calls;
 * complaints and follow-ups per customer are few), so a page costs about the same on the first page
 * and the hundredth. A call and the contact its wrap-up wrote are one entry: the call, with the
 * wrap-up's summary.
 */
export async function customerTimeline(sql: postgres.Sql, customerId: string, limit: number, cursor: KeysetCursor | null): Promise<TimelinePage> {
  const before = (at: string, id: string) => olderThan(sql, cursor, at, id);
  const key = (column: string) => cursorKey(sql, column);
  const rows = await sql<Row[]>`
    select * from (
      (select 'interaction' as kind, i.id::text as id, i.at, ${key('i.at')} as at_key, i.channel::text as status, i.summary, i.direction::text as detail, u.id as agent_id, u.name as agent_name
        from interactions i left join users u on u.id = i.agent_id
        where i.customer_id = ${customerId} ${before('i.at', 'i.id')}
          and not exists (select 1 from calls wc where wc.id = i.call_id and wc.customer_id = i.customer_id)
        order by i.at desc, i.id desc limit ${limit + 1})
      union all
      (select 'call', c.id::text, c.started_at, ${key('c.started_at')}, c.state::text,
          coalesce(nullif(w.summary, ''), c.from_number || ' → ' || c.to_number || coalesce(' · ' || q.name, '')), c.direction::text, u.id, u.name
        from calls c left join users u on u.id = c.answered_agent_id left join queues q on q.id = c.queue_id
          left join lateral (select wi.summary from interactions wi where wi.call_id = c.id and wi.customer_id = c.customer_id order by wi.at limit 1) w on true
        where c.customer_id = ${customerId} ${before('c.started_at', 'c.id')} order by c.started_at desc, c.id desc limit ${limit + 1})
      union all
      (select 'complaint', k.id::text, k.created_at, ${key('k.created_at')}, k.status::text, k.summary, k.severity::text, u.id, u.name
        from complaints k left join users u on u.id = k.assignee_id
        where k.customer_id = ${customerId} ${before('k.created_at', 'k.id')} order by k.created_at desc, k.id desc limit ${limit + 1})
      union all
      (select 'followup', f.id::text, f.due_at, ${key('f.due_at')}, f.status::text, f.reason, f.kind::text, u.id, u.name
        from follow_ups f left join users u on u.id = f.assignee_id
        where f.customer_id = ${customerId} ${before('f.due_at', 'f.id')} order by f.due_at desc, f.id desc limit ${limit + 1})
    ) t order by at desc, id desc limit ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      kind: r.kind,
      id: r.id,
      at: r.at.toISOString(),
      status: r.status,
      summary: r.summary ?? '',
      detail: r.detail,
      agent: r.agent_id ? { id: r.agent_id, name: r.agent_name ?? '' } : null,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.at_key, last.id) : null,
  };
}
