import { and, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { complaintEvents, complaints, type Complaint, type EscalationLevel } from '../../../db/schema';
import type { AppContext } from '../../context';
import { resolveAssignee } from '../assign/resolve-assignee';
import { emitComplaintUpdated } from '../notify/emit-updated';
import { complaintSnapshot } from '../notify/complaint-snapshot';
import { storeDurable, type PendingDelivery } from '../notify/store-durable';
import { escalationStep } from '../policy/escalation-step';
import { levelDeadlines } from '../policy/level-deadlines';
import { nextDeadline, type PendingDeadline } from '../policy/next-deadline';
import { loadPolicyLevels } from '../policies/policy-levels';
import { recordSystemAudit } from '../system-audit';
import { resetDeadlineJobs } from './deadline-jobs';

export type EscalationResult =
  | { outcome: 'escalated'; complaint: Complaint; fromLevel: number }
  | { outcome: 'exhausted'; complaint: Complaint }
  /** The complaint moved on (another level, met deadline, closed): a stale or duplicate timer. */
  | { outcome: 'stale' }
  /** Its deadline is still ahead (a timer that fired a little early). */
  | { outcome: 'not-due'; dueAt: Date };

const OPEN = ['new', 'acknowledged', 'in_progress'] as const;

/** The guard of the UPDATE: the deadline this step acts on is still pending and has passed. */
function stillOverdue(pending: PendingDeadline, now: Date): SQL {
  return pending.kind === 'respond'
    ? and(isNull(complaints.acknowledgedAt), lte(complaints.respondBy, now))!
    : lte(complaints.resolveBy, now);
}

/**
 * Acts on a passed deadline of one complaint: moves it to the next level of its policy, reassigns it,
 * restarts both windows from now (the new assignee gets the level's full time, however late we are),
 * sets it back to `new` (the new owner must acknowledge within the level's respond window), records
 * the event and audit, and stores complaint:assigned for the new assignee — all in one transaction.
 * At the top of the ladder it flags the complaint once instead (topLevelOverdueAt, the missed deadline
 * cleared, an `escalation_exhausted` event).
 *
 * Safe to run any number of times at once (timer, retry, boot sweep, another process): the row is
 * locked, the level must still be `expectedLevel`, and the UPDATE is guarded on the level and on the
 * deadline being still pending and passed, so exactly one run changes anything.
 */
export async function escalateComplaint(ctx: AppContext, complaintId: string, expectedLevel: number, now = new Date()): Promise<EscalationResult> {
  let delivery: PendingDelivery | null = null;
  let levels: EscalationLevel[] = [];
  const result = await ctx.db.transaction(async (tx): Promise<EscalationResult> => {
    const [row] = await tx.select().from(complaints).where(eq(complaints.id, complaintId)).for('update');
    if (!row || row.level !== expectedLevel) return { outcome: 'stale' };
    const pending = nextDeadline(row);
    if (!pending) return { outcome: 'stale' };
    levels = await loadPolicyLevels(tx, row.policyId);
    const step = escalationStep(row, levels, now);
    if (!step) return { outcome: 'not-due', dueAt: pending.at };
    const guard = and(eq(complaints.id, row.id), eq(complaints.level, expectedLevel), inArray(complaints.status, [...OPEN]), stillOverdue(pending, now));

    if (step.atTop) {
      const [flagged] = await tx
        .update(complaints)
        .set({ ...(pending.kind === 'respond' ? { respondBy: null } : { resolveBy: null }), topLevelOverdueAt: sql`coalesce(${complaints.topLevelOverdueAt}, ${now.toISOString()}::timestamptz)`, updatedAt: now })
        .where(guard)
        .returning();
      if (!flagged) return { outcome: 'stale' };
      await tx.insert(complaintEvents).values({ complaintId: row.id, type: 'escalation_exhausted', fromLevel: row.level, toLevel: row.level, assigneeId: row.assigneeId, fromStatus: row.status, toStatus: row.status, note: step.reason, at: now });
      await recordSystemAudit(tx, 'complaint.escalation_exhausted', row.id, { level: row.level, reason: step.reason, deadline: pending.at.toISOString() });
      return { outcome: 'exhausted', complaint: flagged };
    }

    const target = levels.find((l) => l.level === step.toLevel)!;
    const assignment = await resolveAssignee(tx, target.assignTo);
    const deadlines = levelDeadlines(target, now);
    const [moved] = await tx
      .update(complaints)
      .set({
        level: target.level,
        assigneeId: assignment.assigneeId,
        assigneeQueueId: assignment.assigneeQueueId,
        status: 'new',
        acknowledgedAt: null,
        respondBy: deadlines.respondBy,
        resolveBy: deadlines.resolveBy,
        levelStartedAt: now,
        warnedAt: null,
        updatedAt: now,
      })
      .where(guard)
      .returning();
    if (!moved) return { outcome: 'stale' };
    await tx.insert(complaintEvents).values({
      complaintId: row.id,
      type: 'escalated',
      fromLevel: row.level,
      toLevel: moved.level,
      assigneeId: moved.assigneeId,
      fromStatus: row.status,
      toStatus: moved.status,
      note: step.reason,
      at: now,
    });
    await recordSystemAudit(tx, 'complaint.escalate', row.id, {
      fromLevel: row.level,
      toLevel: moved.level,
      reason: step.reason,
      deadline: pending.at.toISOString(),
      assigneeId: moved.assigneeId,
      fromAssigneeId: row.assigneeId,
    });
    if (moved.assigneeId) delivery = await storeDurable(tx, moved.assigneeId, 'complaint:assigned', { complaint: complaintSnapshot(moved) });
    return { outcome: 'escalated', complaint: moved, fromLevel: row.level };
  });

  if (result.outcome === 'escalated') {
    if (!result.complaint.assigneeId) ctx.logger.warn({ complaintId, level: result.complaint.level }, 'escalated complaint has nobody to assign to');
    (delivery as PendingDelivery | null)?.send(ctx);
    emitComplaintUpdated(ctx, result.complaint, 'escalated');
    await resetDeadlineJobs(ctx, { complaint: result.complaint, levels }, { level: result.fromLevel });
  } else if (result.outcome === 'exhausted') {
    emitComplaintUpdated(ctx, result.complaint, 'escalation_exhausted');
    ctx.logger.warn({ complaintId, level: result.complaint.level }, 'complaint overdue at the top of its escalation ladder');
  }
  return result;
}
