import { z } from 'zod';
import { InvalidDurationError, parseIsoDuration } from '../lib/iso-duration';

const isoDuration = z.string().transform((text, ctx) => {
  try {
    return parseIsoDuration(text);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: err instanceof InvalidDurationError ? err.message : 'invalid duration' });
    return z.NEVER;
  }
});

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const createFollowUpInput = z.object({
  customerId: z.uuid(),
  dueAt: instant,
  reason: z.string().trim().min(1).max(2000),
  assigneeId: z.uuid().nullish(),
  /** Queue name; neither this nor assigneeId = the `default` queue. */
  queue: z.string().trim().min(1).max(100).nullish(),
  maxAttempts: z.number().int().min(1).max(20).default(3),
  retryAfter: isoDuration.default(3600),
  kind: z.enum(['callback', 'satisfaction', 'check_in', 'other']).default('callback'),
  complaintId: z.uuid().nullish(),
  callId: z.uuid().nullish(),
});
export type CreateFollowUpInput = z.infer<typeof createFollowUpInput>;

export const updateFollowUpInput = z
  .object({
    dueAt: instant.optional(),
    status: z.literal('cancelled').optional(),
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((b) => b.dueAt !== undefined || b.status !== undefined || b.reason !== undefined, { message: 'nothing to change: give dueAt, status or reason' })
  .refine((b) => !(b.status && b.dueAt), { message: 'a follow-up cannot be cancelled and rescheduled at once' });
export type UpdateFollowUpInput = z.infer<typeof updateFollowUpInput>;

export const outcomeInput = z.object({ outcome: z.enum(['reached', 'no_answer', 'wrong_number']), note: z.string().max(2000).optional() });

export const listFollowUpsQuery = z.object({
  mine: z.enum(['1', 'true', '0', 'false']).optional(),
  customerId: z.uuid().optional(),
  status: z.enum(['pending', 'offered', 'completed', 'failed', 'cancelled']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
