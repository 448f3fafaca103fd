import type { Complaint } from '../../../db/schema';
import type { ComplaintAssigned } from '../../realtime/events';

/** The `complaint` part of complaint:assigned / complaint:warning / complaint:updated (CONTRACT.md, plus extras). */
export function complaintSnapshot(c: Complaint): ComplaintAssigned['complaint'] {
  return {
    id: c.id,
    level: c.level,
    status: c.status,
    assigneeId: c.assigneeId,
    respondBy: c.acknowledgedAt === null ? (c.respondBy?.toISOString() ?? null) : null,
    resolveBy: c.resolveBy?.toISOString() ?? null,
    summary: c.summary,
    customerId: c.customerId,
    severity: c.severity,
    category: c.category,
  };
}
