import type { Tx } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { Principal } from '../auth/principal';

export interface AuditRecord {
  /** `domain.verb`, e.g. `customer.create`, `order.update`. */
  action: string;
  entity: string;
  entityId?: string | null;
  /** What changed. Never passwords, hashes or tokens: this table is read by people. */
  data?: Record<string, unknown>;
}

/** Appends one audit row; pass the transaction of the change so both commit or neither does. */
export async function recordAudit(tx: Tx, actor: Principal, record: AuditRecord): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.kind === 'user' ? actor.user.id : null,
    actorKind: actor.kind === 'integration' ? 'api-token' : 'user',
    action: record.action,
    entity: record.entity,
    entityId: record.entityId ?? null,
    data: record.data ?? null,
  });
}
