import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { complaintEvents, complaints } from '../../../db/schema';
import type { AppContext } from '../../context';
import { complaintSnapshot } from '../notify/complaint-snapshot';
import { storeDurable, type PendingDelivery } from '../notify/store-durable';
import { isOpenStatus } from '../policy/complaint-status';
import { levelFor } from '../policy/level-for';
import { warningTime } from '../policy/warning-time';
import { loadPolicyLevels } from '../policies/policy-levels';
import { recordSystemAudit } from '../system-audit';

/**
 * Warns the assignee that a deadline approaches (complaint:warning, stored and replayed like
 * complaint:assigned). Once per deadline: `warned_at` only moves past the deadline's warning time
 * once, guarded in the UPDATE, so a duplicate run sends nothing. A met or passed deadline sends nothing.
 */
export async function warnComplaint(ctx: AppContext, complaintId: string, expectedLevel: number, deadline: 'respond' | 'resolve', now = new Date()): Promise<boolean> {
  let delivery: PendingDelivery | null = null;
  const warned = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(complaints).where(eq(complaints.id, complaintId)).for('update');
    if (!row || row.level !== expectedLevel || !isOpenStatus(row.status)) return false;
    const due = deadline === 'respond' ? (row.acknowledgedAt === null ? row.respondBy : null) : row.resolveBy;
    if (due === null || due.getTime() <= now.getTime()) return false;
    const level = levelFor(await loadPolicyLevels(tx, row.policyId), row.level);
    if (!level) return false;
    const warnAt = warningTime(due, deadline === 'respond' ? level.respondWithinSeconds : level.resolveWithinSeconds);
    const [updated] = await tx
      .update(complaints)
      .set({ warnedAt: now })
      .where(and(eq(complaints.id, row.id), eq(complaints.level, expectedLevel), inArray(complaints.status, ['new', 'acknowledged', 'in_progress']), or(isNull(complaints.warnedAt), lt(complaints.warnedAt, warnAt))))
      .returning();
    if (!updated) return false;
    await tx.insert(complaintEvents).values({ complaintId: row.id, type: 'warning', fromLevel: row.level, toLevel: row.level, assigneeId: row.assigneeId, note: `${deadline}_due_soon`, at: now });
    await recordSystemAudit(tx, 'complaint.warn', row.id, { level: row.level, deadline, dueAt: due.toISOString() });
    if (row.assigneeId) {
      const secondsLeft = Math.max(0, Math.round((due.getTime() - now.getTime()) / 1000));
      delivery = await storeDurable(tx, row.assigneeId, 'complaint:warning', { complaint: complaintSnapshot(updated), deadline, secondsLeft });
    }
    return true;
  });
  (delivery as PendingDelivery | null)?.send(ctx);
  return warned;
}
