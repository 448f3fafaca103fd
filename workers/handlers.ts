import type { JobHandlers } from './runtime';
import { offerFollowUpJob } from '../server/followups/offer-follow-up-job';

/** name → handler registry; each domain adds its handlers here. */
export const jobHandlers: JobHandlers = {
  'followups.due': offerFollowUpJob,
};
