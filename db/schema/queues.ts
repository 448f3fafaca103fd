import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { teams } from './teams';

/** Weekly opening hours in the queue's time zone, plus closed dates (YYYY-MM-DD). */
export interface BusinessHours {
  /** ISO weekday 1 (Monday) … 7 (Sunday) → list of [open, close] as "HH:MM". Missing day = closed. */
  weekly: Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', Array<[string, string]>>>;
  holidays: string[];
}

export const queues = pgTable('queues', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
  serviceLevelSeconds: integer('service_level_seconds').notNull().default(20),
  /** Target share of calls answered within serviceLevelSeconds (0–1), for wallboard colouring. */
  serviceLevelTarget: integer('service_level_target_pct').notNull().default(80),
  timezone: text('timezone').notNull().default('UTC'),
  /** null = always open. */
  businessHours: jsonb('business_hours').$type<BusinessHours>(),
  /** Let gold-segment callers jump the waiting line. */
  prioritiseGold: boolean('prioritise_gold').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('queues_team_idx').on(t.teamId)]);

/** A dialled number belongs to exactly one queue. */
export const queueNumbers = pgTable('queue_numbers', {
  e164: text('e164').primaryKey(),
  queueId: uuid('queue_id').notNull().references(() => queues.id, { onDelete: 'cascade' }),
}, (t) => [index('queue_numbers_queue_idx').on(t.queueId)]);

export type Queue = typeof queues.$inferSelect;
export type NewQueue = typeof queues.$inferInsert;
