import type { Tx } from '../../db/client';
import { auditLog } from '../../db/schema';

/** An audit row for a step nobody took: a deadline passed (actor_kind 'system'). */
export async function recordSystemAudit(tx: Tx, action: string, complaintId: string, data: Record<string, unknown>): Promise<void> {
  await tx.insert(auditLog).values({ actorId: null, actorKind: 'system', action, entity: 'complaint', entityId: complaintId, data });
}
