import type { JobHandlers } from './runtime';
import { offerFollowUpJob } from '../server/followups/offer-follow-up-job';
import { handleComplaintDeadline, handleComplaintSweep } from '../server/complaints/deadlines/handle-deadline-jobs';

/** name → handler registry; each domain adds its handlers here. */
export const jobHandlers: JobHandlers = {
  'followups.due': offerFollowUpJob,
  'complaints.deadline': handleComplaintDeadline,
  'complaints.sweep': handleComplaintSweep,
};
