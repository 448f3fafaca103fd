import type { Complaint } from '../../../db/schema';
import type { AppContext } from '../../context';
import { roleRoom, userRoom } from '../../realtime/rooms';
import { complaintSnapshot } from './complaint-snapshot';

/**
 * Live refresh for the complaint lists (at most once: the lists also poll). Complaint staff and the
 * assignee hear every change; it carries no more than the list already shows.
 */
export function emitComplaintUpdated(ctx: AppContext, complaint: Complaint, change: string): void {
  const rooms = [roleRoom('complaint_handler'), roleRoom('supervisor'), roleRoom('admin')];
  if (complaint.assigneeId) rooms.push(userRoom(complaint.assigneeId));
  ctx.realtime.io.to(rooms).emit('complaint:updated', { complaint: complaintSnapshot(complaint), change });
}
