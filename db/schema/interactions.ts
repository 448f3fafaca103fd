import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { callDirectionEnum, channelEnum } from './enums';
import { customers } from './customers';
import { calls } from './calls';
import { users } from './users';

/** Contact history: every call, email, visit or note with a customer. */
export const interactions = pgTable('interactions', {
  id: uuid('id').primaryKey().defaultRandom(),
  customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
  callId: uuid('call_id').references(() => calls.id, { onDelete: 'set null' }),
  channel: channelEnum('channel').notNull(),
  direction: callDirectionEnum('direction').notNull(),
  summary: text('summary').notNull(),
  disposition: text('disposition'),
  agentId: uuid('agent_id').references(() => users.id, { onDelete: 'set null' }),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('interactions_customer_at_idx').on(t.customerId, t.at.desc()),
  // A call's wrap-up contact: found by call on every wrap-up and on every timeline page.
  index('interactions_call_idx').on(t.callId).where(sql`${t.callId} is not null`),
]);

export type Interaction = typeof interactions.$inferSelect;
export type NewInteraction = typeof interactions.$inferInsert;
