import { nextDeadline, type ComplaintDeadlines } from './next-deadline';

export interface EscalatingComplaint extends ComplaintDeadlines {
  level: number;
}

export interface PolicyLevel {
  level: number;
}

export interface EscalationStep {
  /** The level to move to; equal to the current level when `atTop`. */
  toLevel: number;
  reason: 'respond_overdue' | 'resolve_overdue';
  /** No higher level exists: the complaint stays where it is and is flagged. */
  atTop: boolean;
}

/**
 * What to do with a complaint at `now`: null when no deadline has passed (a deadline exactly at `now`
 * has passed — the job fires at the deadline and must act). Otherwise move to the next higher level
 * of the policy (levels need not be contiguous: 1, 2, 5 is fine, and a current level the policy no
 * longer has escalates to the next one above it).
 *
 * At the top there is nowhere to go: `{toLevel: level, atTop: true}`. The caller records it (an
 * `escalation_exhausted` event, a notice to supervisors) and clears the overdue deadline
 * (respondBy/resolveBy = null) so the same flag is not raised on every sweep; a respond flag at the top
 * still leaves the resolve deadline running, which is flagged once in its turn.
 */
export function escalationStep(
  complaint: EscalatingComplaint,
  policyLevels: readonly PolicyLevel[],
  now: Date,
): EscalationStep | null {
  const pending = nextDeadline(complaint);
  if (pending === null || pending.at.getTime() > now.getTime()) return null;
  const reason = pending.kind === 'respond' ? 'respond_overdue' : 'resolve_overdue';
  let next: number | undefined;
  for (const { level } of policyLevels) {
    if (level > complaint.level && (next === undefined || level < next)) next = level;
  }
  return next === undefined
    ? { toLevel: complaint.level, reason, atTop: true }
    : { toLevel: next, reason, atTop: false };
}
