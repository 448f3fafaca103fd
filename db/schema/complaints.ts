import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { complaintStatusEnum, severityEnum } from './enums';
import { customers } from './customers';
import { calls } from './calls';
import { orders } from './orders';
import { queues } from './queues';
import { users } from './users';

/** Who a level hands the complaint to: one user, the least-loaded member of a role, or a queue. */
export type AssignRule = { userId: string } | { role: 'agent' | 'supervisor' | 'complaint_handler' | 'admin' } | { queue: string };

export const escalationPolicies = pgTable('escalation_policies', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  /** Used when a complaint names no policy: the first policy matching its category/severity wins. */
  categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
  severities: text('severities').array().notNull().default(sql`'{}'::text[]`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const escalationLevels = pgTable('escalation_levels', {
  id: uuid('id').primaryKey().defaultRandom(),
  policyId: uuid('policy_id').notNull().references(() => escalationPolicies.id, { onDelete: 'cascade' }),
  level: integer('level').notNull(),
  assignTo: jsonb('assign_to').$type<AssignRule>().notNull(),
  respondWithinSeconds: integer('respond_within_seconds').notNull(),
  resolveWithinSeconds: integer('resolve_within_seconds').notNull(),
}, (t) => [uniqueIndex('escalation_levels_policy_level_idx').on(t.policyId, t.level)]);

export const complaints = pgTable('complaints', {
  id: uuid('id').primaryKey().defaultRandom(),
  customerId: uuid('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
  callId: uuid('call_id').references(() => calls.id, { onDelete: 'set null' }),
  orderId: uuid('order_id').references(() => orders.id, { onDelete: 'set null' }),
  summary: text('summary').notNull(),
  description: text('description'),
  category: text('category').notNull(),
  severity: severityEnum('severity').notNull(),
  status: complaintStatusEnum('status').notNull().default('new'),
  policyId: uuid('policy_id').notNull().references(() => escalationPolicies.id),
  level: integer('level').notNull().default(1),
  assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
  assigneeQueueId: uuid('assignee_queue_id').references(() => queues.id, { onDelete: 'set null' }),
  /** Deadlines of the current level; null once met (acknowledged / resolved). */
  respondBy: timestamp('respond_by', { withTimezone: true }),
  resolveBy: timestamp('resolve_by', { withTimezone: true }),
  levelStartedAt: timestamp('level_started_at', { withTimezone: true }).notNull().defaultNow(),
  warnedAt: timestamp('warned_at', { withTimezone: true }),
  /** A deadline passed at the top level of the ladder: nobody left to escalate to; flagged once. */
  topLevelOverdueAt: timestamp('top_level_overdue_at', { withTimezone: true }),
  acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('complaints_status_resolve_idx').on(t.status, t.resolveBy),
  index('complaints_assignee_idx').on(t.assigneeId, t.status),
  index('complaints_customer_idx').on(t.customerId, t.status),
]);

/** The record of every step: who, when, why. actorId null = the system (deadline). */
export const complaintEvents = pgTable('complaint_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  complaintId: uuid('complaint_id').notNull().references(() => complaints.id, { onDelete: 'cascade' }),
  type: text('type').notNull(),
  actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
  fromLevel: integer('from_level'),
  toLevel: integer('to_level'),
  assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
  note: text('note'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('complaint_events_complaint_idx').on(t.complaintId, t.at)]);

export type Complaint = typeof complaints.$inferSelect;
export type NewComplaint = typeof complaints.$inferInsert;
export type ComplaintEvent = typeof complaintEvents.$inferSelect;
export type EscalationPolicy = typeof escalationPolicies.$inferSelect;
export type EscalationLevel = typeof escalationLevels.$inferSelect;
