export type ComplaintStatus = 'new' | 'acknowledged' | 'in_progress' | 'resolved' | 'closed';

/** Statuses whose deadlines still run. */
export function isOpenStatus(status: ComplaintStatus): boolean {
  return status === 'new' || status === 'acknowledged' || status === 'in_progress';
}
