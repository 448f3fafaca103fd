import { isOpenStatus, type ComplaintStatus } from './complaint-status';

export interface ComplaintDeadlines {
  status: ComplaintStatus;
  respondBy: Date | null;
  resolveBy: Date | null;
  acknowledgedAt: Date | null;
}

export type DeadlineKind = 'respond' | 'resolve';

export interface PendingDeadline {
  kind: DeadlineKind;
  at: Date;
}

/**
 * The deadline a complaint is waiting on, or null when none runs (resolved, closed, or both met).
 * Until acknowledged, the respond deadline; after, the resolve deadline. The resolve deadline runs
 * from the start too, so if a level was configured with resolve shorter than respond it is the
 * one returned while unacknowledged: the earliest pending deadline always wins, so nothing is missed.
 * A null deadline is met (the schema clears them once met) and is never pending.
 */
export function nextDeadline(complaint: ComplaintDeadlines): PendingDeadline | null {
  if (!isOpenStatus(complaint.status)) return null;
  const respond = complaint.acknowledgedAt === null ? complaint.respondBy : null;
  const resolve = complaint.resolveBy;
  if (respond !== null && (resolve === null || respond.getTime() <= resolve.getTime())) {
    return { kind: 'respond', at: respond };
  }
  return resolve === null ? null : { kind: 'resolve', at: resolve };
}
