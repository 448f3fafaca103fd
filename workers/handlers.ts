import type { JobHandlers } from './runtime';
import { offerFollowUpJob } from '../server/followups/offer-follow-up-job';
import { handleComplaintDeadline, handleComplaintSweep } from '../server/complaints/deadlines/handle-deadline-jobs';
import { recomputeCustomerValueJob } from '../server/customers/recompute-customer-value';
import { recomputeAllValuesJob } from '../server/customers/recompute-all-values';

/** name → handler registry; each domain adds its handlers here. */
export const jobHandlers: JobHandlers = {
  'followups.due': offerFollowUpJob,
  'complaints.deadline': handleComplaintDeadline,
  'complaints.sweep': handleComplaintSweep,
  'customers.recompute-value': recomputeCustomerValueJob,
  'customers.nightly-value': recomputeAllValuesJob,
};
