import type { FollowUp } from '../../db/schema';
import { formatIsoDuration } from '../lib/iso-duration';

export interface FollowUpView {
  id: string;
  customerId: string;
  kind: FollowUp['kind'];
  reason: string;
  dueAt: string;
  status: FollowUp['status'];
  attempt: number;
  maxAttempts: number;
  retryAfter: string;
  lastOutcome: FollowUp['lastOutcome'];
  assigneeId: string | null;
  queueId: string | null;
  queue: string | null;
  offeredTo: string | null;
  offeredAt: string | null;
  lastAttemptAt: string | null;
  completedAt: string | null;
  complaintId: string | null;
  callId: string | null;
  createdAt: string;
  customer?: { id: string; name: string; timezone: string | null; phones: string[] };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A follow-up as the API and `followup:due` show it (times ISO-8601 UTC, retryAfter as a duration). */
export function toFollowUpView(row: FollowUp, extra: { queue?: string | null; customer?: FollowUpView['customer'] } = {}): FollowUpView {
  return {
    id: row.id,
    customerId: row.customerId,
    kind: row.kind,
    reason: row.reason,
    dueAt: row.dueAt.toISOString(),
    status: row.status,
    attempt: row.attempt,
    maxAttempts: row.maxAttempts,
    retryAfter: formatIsoDuration(row.retryAfterSeconds),
    lastOutcome: row.lastOutcome,
    assigneeId: row.assigneeId,
    queueId: row.queueId,
    queue: extra.queue ?? null,
    offeredTo: row.offeredTo,
    offeredAt: iso(row.offeredAt),
    lastAttemptAt: iso(row.lastAttemptAt),
    completedAt: iso(row.completedAt),
    complaintId: row.complaintId,
    callId: row.callId,
    createdAt: row.createdAt.toISOString(),
    ...(extra.customer && { customer: extra.customer }),
  };
}
