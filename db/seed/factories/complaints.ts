import type { NewComplaint } from '../../schema';
import type { complaintEvents } from '../../schema';
import { at, HOUR, type SeedContext } from '../context';
import type { Rng } from '../random';

export type NewComplaintEvent = typeof complaintEvents.$inferInsert;
type Status = 'new' | 'acknowledged' | 'in_progress';
type Severity = NewComplaint['severity'];

export interface OpenComplaintSpec {
  id: string;
  customerId: string;
  orderId?: string | null;
  summary: string;
  category: string;
  severity: Severity;
  status: Status;
  /** When it was logged; level 1 started then. */
  createdAt: Date;
  createdBy: string;
}

/**
 * An open complaint at level 1 of the default policy, with deadlines computed from that level the
 * way the complaint service does: respondBy is cleared once acknowledged. Returns its event trail.
 */
export function openComplaint(ctx: SeedContext, spec: OpenComplaintSpec): { complaint: NewComplaint; events: NewComplaintEvent[] } {
  const { respondWithinSeconds, resolveWithinSeconds } = ctx.refs.firstLevel;
  const acknowledged = spec.status !== 'new';
  const acknowledgedAt = acknowledged ? at(spec.createdAt, HOUR) : null;
  const assigneeId = ctx.refs.complaintHandlerId;
  const complaint: NewComplaint = {
    id: spec.id,
    customerId: spec.customerId,
    orderId: spec.orderId ?? null,
    summary: spec.summary,
    category: spec.category,
    severity: spec.severity,
    status: spec.status,
    policyId: ctx.refs.policyId,
    level: 1,
    assigneeId,
    respondBy: acknowledged ? null : at(spec.createdAt, respondWithinSeconds * 1000),
    resolveBy: at(spec.createdAt, resolveWithinSeconds * 1000),
    levelStartedAt: spec.createdAt,
    acknowledgedAt,
    createdBy: spec.createdBy,
    createdAt: spec.createdAt,
    updatedAt: acknowledgedAt ?? spec.createdAt,
  };
  const events: NewComplaintEvent[] = [
    { complaintId: spec.id, type: 'created', actorId: spec.createdBy, toLevel: 1, assigneeId, toStatus: 'new', note: spec.summary, at: spec.createdAt },
  ];
  if (acknowledgedAt) {
    events.push({ complaintId: spec.id, type: 'acknowledged', actorId: assigneeId, fromStatus: 'new', toStatus: spec.status, at: acknowledgedAt });
  }
  return { complaint, events };
}

export const SEVERITIES: ReadonlyArray<readonly [Severity, number]> = [['low', 30], ['medium', 45], ['high', 20], ['critical', 5]];
export const OPEN_STATUSES: ReadonlyArray<readonly [Status, number]> = [['new', 60], ['acknowledged', 25], ['in_progress', 15]];

export const randomComplaintTime = (ctx: SeedContext, rng: Rng) => at(ctx.anchor, -rng.int(0, 12 * 60) * 60_000);
