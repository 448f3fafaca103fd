import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { complaintEvents, complaints, customers, followUps, type Complaint, type EscalationLevel } from '../../../db/schema';
import type { AppContext } from '../../context';
import { actorId, teamScope, type Principal } from '../../auth/principal';
import { recordAudit } from '../../audit/record-audit';
import { visibleTo } from '../../customers/customer-visibility';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors';
import { scheduleFollowUpJob } from '../../followups/schedule-follow-up-job';
import { dropFollowUpTimer } from '../../followups/follow-up-timer';
import { settleFollowUpNotifications } from '../../followups/offer-follow-up';
import { emitComplaintUpdated } from '../notify/emit-updated';
import { mayChangeComplaint } from '../policy/authorise-change';
import { InvalidTransitionError, requiresNote, transition, type ComplaintAction } from '../policy/transition';
import { levelFor } from '../policy/level-for';
import type { TimerKind } from '../policy/deadline-timers';
import { loadPolicyLevels } from '../policies/policy-levels';
import { resetDeadlineJobs } from '../deadlines/deadline-jobs';
import { insertSatisfactionFollowUp } from './satisfaction-follow-up';

export const complaintActions = ['acknowledge', 'start', 'resolve', 'close', 'reopen'] as const satisfies readonly ComplaintAction[];
export const actionInput = z.object({ note: z.string().trim().max(10_000).nullish() });

/** Which timers of the current level an action makes moot. */
const DROPS: Record<ComplaintAction, readonly TimerKind[]> = {
  acknowledge: ['respond', 'warn-respond'],
  start: ['respond', 'warn-respond'],
  resolve: ['respond', 'warn-respond', 'resolve', 'warn-resolve'],
  close: ['respond', 'warn-respond', 'resolve', 'warn-resolve'],
  reopen: ['respond', 'warn-respond', 'resolve', 'warn-resolve'],
};

function actorOf(p: Principal) {
  return p.kind === 'integration' ? ({ kind: 'integration' } as const) : ({ kind: 'user', id: p.user.id, role: p.user.role } as const);
}

/**
 * POST /api/complaints/{id}/{action}. Acknowledging (or starting work) meets the respond deadline;
 * resolving and closing meet both; reopening returns to `acknowledged` at the same level with the
 * resolve window restarted from now. Closing books the satisfaction follow-up; reopening cancels a
 * satisfaction call still pending for it. Each step writes an event and an audit row.
 */
export async function changeComplaintStatus(
  ctx: AppContext,
  actor: Principal,
  complaintId: string,
  action: ComplaintAction,
  note: string | null | undefined,
  now = new Date(),
): Promise<Complaint> {
  const text = note?.trim() || null;
  if (requiresNote(action) && !text) throw badRequest(`${action} needs a note`, [{ path: 'note', message: 'required' }]);
  let levels: EscalationLevel[] = [];
  let followUpId: string | null = null;
  let cancelled: Array<{ id: string; attempt: number }> = [];
  const updated = await ctx.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ complaint: complaints })
      .from(complaints)
      .innerJoin(customers, eq(customers.id, complaints.customerId))
      .where(and(eq(complaints.id, complaintId), visibleTo(teamScope(actor))))
      .for('update', { of: complaints });
    if (!found) throw notFound('complaint not found');
    const row = found.complaint;
    if (!mayChangeComplaint(actorOf(actor), row.assigneeId)) throw forbidden('only the assignee, a complaint handler, a supervisor or an admin may change this complaint');
    let status;
    try {
      status = transition(row.status, action);
    } catch (err) {
      if (err instanceof InvalidTransitionError) throw conflict(err.message, { status: row.status, action });
      throw err;
    }
    levels = await loadPolicyLevels(tx, row.policyId);
    const changes: Partial<Complaint> = { status, updatedAt: now };
    if (action === 'acknowledge' || action === 'start') {
      if (row.acknowledgedAt === null) Object.assign(changes, { acknowledgedAt: now, respondBy: null });
    } else if (action === 'resolve') {
      Object.assign(changes, { resolvedAt: now, respondBy: null, resolveBy: null });
    } else if (action === 'close') {
      Object.assign(changes, { closedAt: now, respondBy: null, resolveBy: null });
    } else {
      const level = levelFor(levels, row.level);
      if (!level) throw conflict('the complaint policy has no levels left');
      Object.assign(changes, {
        acknowledgedAt: row.acknowledgedAt ?? now,
        respondBy: null,
        resolveBy: new Date(now.getTime() + level.resolveWithinSeconds * 1000),
        resolvedAt: null,
        closedAt: null,
        levelStartedAt: now,
        warnedAt: null,
        topLevelOverdueAt: null,
      });
    }
    const [next] = await tx
      .update(complaints)
      .set(changes)
      .where(and(eq(complaints.id, row.id), eq(complaints.status, row.status)))
      .returning();
    await tx.insert(complaintEvents).values({
      complaintId: row.id,
      type: action,
      actorId: actorId(actor),
      fromLevel: row.level,
      toLevel: next!.level,
      assigneeId: next!.assigneeId,
      fromStatus: row.status,
      toStatus: status,
      note: text,
      at: now,
    });
    await recordAudit(tx, actor, { action: `complaint.${action}`, entity: 'complaint', entityId: row.id, data: { fromStatus: row.status, toStatus: status, level: row.level, note: text } });
    if (action === 'close') followUpId = await insertSatisfactionFollowUp(tx, next!, actorId(actor), now);
    if (action === 'reopen') {
      // The satisfaction call booked at close no longer applies, whether still waiting or already
      // on an agent's screen; its timer and unread pop go after the commit.
      cancelled = await tx
        .update(followUps)
        .set({ status: 'cancelled', completedAt: now, updatedAt: now })
        .where(and(eq(followUps.complaintId, row.id), eq(followUps.kind, 'satisfaction'), inArray(followUps.status, ['pending', 'offered']), isNull(followUps.completedAt)))
        .returning({ id: followUps.id, attempt: followUps.attempt });
    }
    return next!;
  });

  emitComplaintUpdated(ctx, updated, action);
  await resetDeadlineJobs(ctx, { complaint: updated, levels }, { level: updated.level, kinds: DROPS[action] });
  for (const f of cancelled) {
    await dropFollowUpTimer(ctx, f.id, f.attempt);
    await settleFollowUpNotifications(ctx, f.id);
  }
  if (followUpId) {
    await scheduleFollowUpJob(ctx, followUpId).catch((err: unknown) =>
      ctx.logger.warn({ err, followUpId }, 'satisfaction follow-up timer not scheduled; the follow-up sweep will pick it up'),
    );
  }
  return updated;
}
