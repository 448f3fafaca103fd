import type { BusinessHours } from '../../../db/schema/queues';
import { retryDueAt } from './retry-due-at';

export type FollowUpStatus = 'pending' | 'offered' | 'completed' | 'failed' | 'cancelled';
export type FollowUpOutcome = 'reached' | 'no_answer' | 'wrong_number';

export interface FollowUpAttemptState {
  attempt: number;
  maxAttempts: number;
  retryAfterSeconds: number;
  status: FollowUpStatus;
}

export type FollowUpNext =
  | { status: 'pending'; attempt: number; dueAt: Date; lastOutcome: 'no_answer' }
  | { status: 'completed' | 'failed'; attempt: number; lastOutcome: FollowUpOutcome };

/** An outcome for a follow-up that is already completed, failed or cancelled. */
export class FollowUpClosedError extends Error {
  override readonly name = 'FollowUpClosedError';
  constructor(readonly status: FollowUpStatus) {
    super(`follow-up is ${status}; no outcome can be recorded`);
  }
}

/**
 * What a recorded outcome does to a follow-up (`now` = when the attempt ended):
 * - reached → completed;
 * - wrong_number → failed at once (calling the number again cannot help);
 * - no_answer → attempt + 1, pending, due `retryAfterSeconds` after `now` moved into opening hours,
 *   while attempt < maxAttempts; the last allowed attempt unanswered → failed.
 * `attempt` counts from 1 and is the attempt that just ended; it is never above maxAttempts.
 */
export function outcomeTransition(
  followUp: FollowUpAttemptState,
  outcome: FollowUpOutcome,
  now: Date,
  hours: BusinessHours | null,
  timezone: string,
): FollowUpNext {
  if (followUp.status !== 'pending' && followUp.status !== 'offered') throw new FollowUpClosedError(followUp.status);
  if (!Number.isInteger(followUp.attempt) || followUp.attempt < 1) {
    throw new RangeError(`attempt must be a whole number ≥ 1, got ${followUp.attempt}`);
  }
  const { attempt } = followUp;
  switch (outcome) {
    case 'reached':
      return { status: 'completed', attempt, lastOutcome: outcome };
    case 'wrong_number':
      return { status: 'failed', attempt, lastOutcome: outcome };
    case 'no_answer':
      if (attempt >= followUp.maxAttempts) return { status: 'failed', attempt, lastOutcome: outcome };
      return {
        status: 'pending',
        attempt: attempt + 1,
        dueAt: retryDueAt(now, followUp.retryAfterSeconds, hours, timezone),
        lastOutcome: outcome,
      };
    default:
      throw new RangeError(`unknown follow-up outcome ${JSON.stringify(outcome satisfies never)}`);
  }
}
