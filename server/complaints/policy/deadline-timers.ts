import { isOpenStatus, type ComplaintStatus } from './complaint-status';
import type { LevelWindows } from './level-deadlines';
import { warningTime } from './warning-time';

export type TimerKind = 'respond' | 'resolve' | 'warn-respond' | 'warn-resolve';

export interface TimedComplaint {
  status: ComplaintStatus;
  respondBy: Date | null;
  resolveBy: Date | null;
  acknowledgedAt: Date | null;
  /** The last warning sent at this level (cleared on escalation and reopen). */
  warnedAt: Date | null;
}

export interface Timer {
  kind: TimerKind;
  at: Date;
}

/** BullMQ forbids ':' in custom ids; one stable id per complaint, level and kind collapses duplicates. */
export const deadlineJobId = (complaintId: string, level: number, kind: TimerKind) => `escalate-${complaintId}-L${level}-${kind}`;

export const TIMER_KINDS: readonly TimerKind[] = ['respond', 'resolve', 'warn-respond', 'warn-resolve'];

/**
 * The timers a complaint needs at its current level, in time order: each pending deadline and its
 * warning (warningTime of the level's window). A met deadline (null, or respond once acknowledged)
 * has none; a warning already sent for this deadline (warnedAt at or after its warning time) is not
 * scheduled again. A warning that would fall at or after its deadline is dropped.
 */
export function deadlineTimers(complaint: TimedComplaint, windows: LevelWindows): Timer[] {
  if (!isOpenStatus(complaint.status)) return [];
  const timers: Timer[] = [];
  const add = (deadline: Date | null, windowSeconds: number, kind: 'respond' | 'resolve') => {
    if (deadline === null) return;
    timers.push({ kind, at: deadline });
    const warnAt = warningTime(deadline, windowSeconds);
    const alreadyWarned = complaint.warnedAt !== null && complaint.warnedAt.getTime() >= warnAt.getTime();
    if (warnAt.getTime() < deadline.getTime() && !alreadyWarned) timers.push({ kind: kind === 'respond' ? 'warn-respond' : 'warn-resolve', at: warnAt });
  };
  if (complaint.acknowledgedAt === null) add(complaint.respondBy, windows.respondWithinSeconds, 'respond');
  add(complaint.resolveBy, windows.resolveWithinSeconds, 'resolve');
  return timers.sort((a, b) => a.at.getTime() - b.at.getTime());
}
