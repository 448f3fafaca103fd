import type { JobHandler } from '../../workers/runtime';
import { offerFollowUp } from './offer-follow-up';

/** `followups.due`: the timer of one attempt fired. */
export const offerFollowUpJob: JobHandler<'followups.due'> = async (ctx, { followUpId, attempt }) => {
  await offerFollowUp(ctx, followUpId, attempt);
};
