import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { callDirectionEnum, callStateEnum, providerEnum } from './enums';
import { customers } from './customers';
import { queues } from './queues';
import { users } from './users';

export const calls = pgTable('calls', {
  id: uuid('id').primaryKey().defaultRandom(),
  provider: providerEnum('provider').notNull(),
  /** Twilio CallSid, Telnyx call_session_id, CTI callId. */
  providerCallId: text('provider_call_id').notNull(),
  direction: callDirectionEnum('direction').notNull().default('inbound'),
  fromNumber: text('from_number').notNull(),
  toNumber: text('to_number').notNull(),
  queueId: uuid('queue_id').references(() => queues.id, { onDelete: 'set null' }),
  customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
  state: callStateEnum('state').notNull().default('ringing'),
  offeredAgentId: uuid('offered_agent_id').references(() => users.id, { onDelete: 'set null' }),
  answeredAgentId: uuid('answered_agent_id').references(() => users.id, { onDelete: 'set null' }),
  /** Highest provider sequence number applied (Twilio SequenceNumber); late lower ones are ignored. */
  lastSeq: integer('last_seq').notNull().default(-1),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  /** Set when nobody was available and the caller started waiting in the queue. */
  queuedAt: timestamp('queued_at', { withTimezone: true }),
  offeredAt: timestamp('offered_at', { withTimezone: true }),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  endedAt: timestamp('ended_at', { withTimezone: true }),
  endCause: text('end_cause'),
  disposition: text('disposition'),
  notes: text('notes'),
  wrappedUpAt: timestamp('wrapped_up_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('calls_provider_call_idx').on(t.provider, t.providerCallId),
  index('calls_queue_started_idx').on(t.queueId, t.startedAt),
  index('calls_customer_idx').on(t.customerId, t.startedAt.desc()),
  index('calls_state_idx').on(t.state),
]);

/** Every accepted webhook, stored before it is answered. One row per provider event. */
export const providerEvents = pgTable('provider_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  provider: providerEnum('provider').notNull(),
  eventKey: text('event_key').notNull(),
  callId: uuid('call_id').references(() => calls.id, { onDelete: 'set null' }),
  payload: jsonb('payload').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  processedAt: timestamp('processed_at', { withTimezone: true }),
  error: text('error'),
}, (t) => [
  uniqueIndex('provider_events_key_idx').on(t.provider, t.eventKey),
  index('provider_events_unprocessed_idx').on(t.receivedAt).where(sql`processed_at is null`),
]);

export type Call = typeof calls.$inferSelect;
export type NewCall = typeof calls.$inferInsert;
export type ProviderEvent = typeof providerEvents.$inferSelect;
