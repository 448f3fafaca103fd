import type { Complaint } from '../../../db/schema';
import type { Segment } from '../../realtime/events';
import { nextDeadline } from '../policy/next-deadline';

export interface ComplaintListItem {
  id: string;
  summary: string;
  category: string;
  severity: string;
  status: string;
  level: number;
  policy: string;
  assigneeId: string | null;
  assignee: { id: string; name: string } | null;
  respondBy: string | null;
  resolveBy: string | null;
  /** The deadline the complaint is waiting on (policy/next-deadline.ts), the one the list sorts by. */
  nextDeadline: { kind: 'respond' | 'resolve'; at: string } | null;
  topLevelOverdueAt: string | null;
  customer: { id: string; name: string; segment: Segment | null };
  callId: string | null;
  orderId: string | null;
  createdAt: string;
  updatedAt: string;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toListItem(
  c: Complaint,
  extra: { policy: string; customerName: string; segment: Segment | null; assigneeName: string | null },
): ComplaintListItem {
  const next = nextDeadline(c);
  return {
    id: c.id,
    summary: c.summary,
    category: c.category,
    severity: c.severity,
    status: c.status,
    level: c.level,
    policy: extra.policy,
    assigneeId: c.assigneeId,
    assignee: c.assigneeId ? { id: c.assigneeId, name: extra.assigneeName ?? '' } : null,
    respondBy: c.acknowledgedAt === null ? iso(c.respondBy) : null,
    resolveBy: iso(c.resolveBy),
    nextDeadline: next ? { kind: next.kind, at: next.at.toISOString() } : null,
    topLevelOverdueAt: iso(c.topLevelOverdueAt),
    customer: { id: c.customerId, name: extra.customerName, segment: extra.segment },
    callId: c.callId,
    orderId: c.orderId,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
