import type { ComplaintStatus } from './complaint-status';

export type ComplaintAction = 'acknowledge' | 'start' | 'resolve' | 'close' | 'reopen';

export class InvalidTransitionError extends Error {
  override readonly name = 'InvalidTransitionError';
  constructor(readonly from: ComplaintStatus, readonly action: ComplaintAction) {
    super(`cannot ${action} a complaint that is ${from}`);
  }
}

/**
 * The lifecycle: new → acknowledged → in_progress → resolved → closed.
 * - acknowledge: only from new (a second acknowledge is an error, so "who acknowledged" stays true).
 * - start: from new or acknowledged; starting work on a new complaint also acknowledges it (the
 *   caller sets acknowledgedAt and clears respondBy).
 * - resolve: from any open status, including new: an agent may settle it during the call.
 * - close: from resolved, and also from an open status — closed unresolved, e.g. a duplicate or a
 *   withdrawn complaint; the required note says why.
 * - reopen: from resolved or closed, back to acknowledged, not new: someone already owns it, so the
 *   respond deadline does not apply again; the caller restarts the resolve deadline of the current
 *   level from the reopening.
 */
const NEXT: Record<ComplaintAction, Partial<Record<ComplaintStatus, ComplaintStatus>>> = {
  acknowledge: { new: 'acknowledged' },
  start: { new: 'in_progress', acknowledged: 'in_progress' },
  resolve: { new: 'resolved', acknowledged: 'resolved', in_progress: 'resolved' },
  close: { new: 'closed', acknowledged: 'closed', in_progress: 'closed', resolved: 'closed' },
  reopen: { resolved: 'acknowledged', closed: 'acknowledged' },
};

/** The status after `action`, or InvalidTransitionError. */
export function transition(status: ComplaintStatus, action: ComplaintAction): ComplaintStatus {
  const next = NEXT[action]?.[status];
  if (next === undefined) throw new InvalidTransitionError(status, action);
  return next;
}

/** Resolve and close must carry a note (CONTRACT.md); the caller enforces it before `transition`. */
export function requiresNote(action: ComplaintAction): boolean {
  return action === 'resolve' || action === 'close';
}
