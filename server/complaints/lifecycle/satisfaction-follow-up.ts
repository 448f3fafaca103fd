import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { followUps, settings, type Complaint } from '../../../db/schema';
import { satisfactionDelaySeconds, SATISFACTION_DELAY_SETTING } from '../policy/satisfaction-delay';

/**
 * Closing a complaint books the satisfaction call: a follow_ups row (kind satisfaction) for the
 * complaint's assignee, due after the `satisfaction-delay` setting (default P2D). Written in the
 * closing transaction; the caller schedules its timer after commit (scheduleFollowUpJob).
 */
export async function insertSatisfactionFollowUp(tx: Tx, complaint: Complaint, actorId: string | null, now: Date): Promise<string> {
  const [setting] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, SATISFACTION_DELAY_SETTING));
  const delay = satisfactionDelaySeconds(setting?.value);
  const [row] = await tx
    .insert(followUps)
    .values({
      customerId: complaint.customerId,
      kind: 'satisfaction',
      reason: `Satisfaction call after complaint: ${complaint.summary}`.slice(0, 500),
      dueAt: new Date(now.getTime() + delay * 1000),
      assigneeId: complaint.assigneeId,
      complaintId: complaint.id,
      callId: complaint.callId,
      createdBy: actorId,
    })
    .returning({ id: followUps.id });
  return row!.id;
}
