import type postgres from 'postgres';
import type { PopBody, PopCustomer } from '../realtime/events';
import { queryPopByCustomer, queryPopByPhone, type PopRow } from './pop-query';

const iso = (v: string | null) => (v === null ? null : new Date(v).toISOString());

function toCustomer(c: PopRow['candidates'][number]): PopCustomer {
  const rfm = c.rfm_recency !== null && c.rfm_frequency !== null && c.rfm_monetary !== null
    ? { recency: c.rfm_recency, frequency: c.rfm_frequency, monetary: c.rfm_monetary }
    : null;
  return { id: c.id, name: c.name, phones: c.phones, email: c.email, tags: c.tags, segment: c.segment, rfm, timezone: c.timezone, locale: c.locale };
}

/** Shapes the database row into the contract's pop body (times as ISO-8601 UTC, money as numbers). */
export function toPopBody(row: PopRow): PopBody {
  const candidates = row.candidates.map(toCustomer);
  return {
    customer: candidates[0] ?? null,
    candidates: candidates.length > 1 ? candidates : [],
    history: row.history.map((h) => ({
      id: h.id,
      at: iso(h.at)!,
      channel: h.channel,
      direction: h.direction,
      summary: h.summary,
      disposition: h.disposition,
      agent: h.agent_id ? { id: h.agent_id, name: h.agent_name ?? '' } : null,
    })),
    orders: row.orders.map((o) => ({ id: o.id, externalId: o.external_id, total: Number(o.total), currency: o.currency, status: o.status, placedAt: iso(o.placed_at)! })),
    complaints: row.complaints.map((c) => ({
      id: c.id, summary: c.summary, category: c.category, severity: c.severity, status: c.status, level: c.level,
      assigneeId: c.assignee_id, respondBy: iso(c.respond_by), resolveBy: iso(c.resolve_by), createdAt: iso(c.created_at)!,
    })),
    followUps: row.follow_ups.map((f) => ({ id: f.id, reason: f.reason, kind: f.kind, dueAt: iso(f.due_at)!, status: f.status, attempt: f.attempt, assigneeId: f.assignee_id })),
  };
}

export const buildPopForPhone = async (sql: postgres.Sql, e164: string) => toPopBody(await queryPopByPhone(sql, e164));
export const buildPopForCustomer = async (sql: postgres.Sql, customerId: string) => toPopBody(await queryPopByCustomer(sql, customerId));
