import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { localeEnum, roleEnum } from './enums';
import { teams } from './teams';
import { queues } from './queues';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stored lower-cased; login compares lower-cased input. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: roleEnum('role').notNull(),
  teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
  passwordHash: text('password_hash').notNull(),
  locale: localeEnum('locale').notNull().default('en'),
  /** Where a Twilio <Dial> reaches this agent: a Voice SDK client identity or a phone number. */
  dialIdentity: text('dial_identity'),
  phone: text('phone'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('users_team_idx').on(t.teamId)]);

/** Which queues an agent takes calls from. */
export const userQueues = pgTable('user_queues', {
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  queueId: uuid('queue_id').notNull().references(() => queues.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.userId, t.queueId] }), index('user_queues_queue_idx').on(t.queueId)]);

/** Opaque bearer/session tokens; only their SHA-256 is stored. */
export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Session = typeof sessions.$inferSelect;
