import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { followUpKindEnum, followUpOutcomeEnum, followUpStatusEnum } from './enums';
import { customers } from './customers';
import { queues } from './queues';
import { users } from './users';
import { calls } from './calls';
import { complaints } from './complaints';

export const followUps = pgTable('follow_ups', {
  id: uuid('id').primaryKey().defaultRandom(),
  customerId: uuid('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
  kind: followUpKindEnum('kind').notNull().default('callback'),
  reason: text('reason').notNull(),
  /** When the follow-up should be offered (already moved into the queue's business hours). */
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
  queueId: uuid('queue_id').references(() => queues.id, { onDelete: 'set null' }),
  complaintId: uuid('complaint_id').references(() => complaints.id, { onDelete: 'set null' }),
  callId: uuid('call_id').references(() => calls.id, { onDelete: 'set null' }),
  status: followUpStatusEnum('status').notNull().default('pending'),
  attempt: integer('attempt').notNull().default(1),
  maxAttempts: integer('max_attempts').notNull().default(3),
  retryAfterSeconds: integer('retry_after_seconds').notNull().default(3600),
  lastOutcome: followUpOutcomeEnum('last_outcome'),
  offeredAt: timestamp('offered_at', { withTimezone: true }),
  lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
  /** The provider's call id when the console dialled the follow-up through the provider. */
  dialCallId: text('dial_call_id'),
  offeredTo: uuid('offered_to').references(() => users.id, { onDelete: 'set null' }),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('follow_ups_status_due_idx').on(t.status, t.dueAt),
  index('follow_ups_assignee_idx').on(t.assigneeId, t.status),
  index('follow_ups_customer_idx').on(t.customerId, t.status),
]);

export type FollowUp = typeof followUps.$inferSelect;
export type NewFollowUp = typeof followUps.$inferInsert;
