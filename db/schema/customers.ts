import { bigserial, boolean, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { localeEnum, segmentEnum } from './enums';
import { teams } from './teams';

export const customers = pgTable('customers', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Id in the integrator's own system (CSV import key); optional. */
  externalId: text('external_id').unique(),
  name: text('name').notNull(),
  email: text('email'),
  tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
  timezone: text('timezone'),
  locale: localeEnum('locale'),
  teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
  /** Regular check-in every N days (客户跟踪频率); null = none. */
  followUpFrequencyDays: integer('follow_up_frequency_days'),
  rfmRecency: smallint('rfm_recency'),
  rfmFrequency: smallint('rfm_frequency'),
  rfmMonetary: smallint('rfm_monetary'),
  segment: segmentEnum('segment'),
  /** What the segment was judged on besides the scores, so the console can explain it. */
  valuePerOrderScore: smallint('value_per_order_score'),
  valueOrderCount: integer('value_order_count'),
  valueLossMaking: boolean('value_loss_making').notNull().default(false),
  valueComputedAt: timestamp('value_computed_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('customers_team_idx').on(t.teamId),
  index('customers_email_idx').on(sql`lower(${t.email})`),
  index('customers_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
  // Prefix reads ("张艳", "Michael Rodriguez" typed from the start): a btree range scan, not a trigram bitmap.
  index('customers_name_prefix_idx').using('btree', sql`lower(${t.name}) text_pattern_ops`),
]);

/** E.164 numbers; many per customer, and one number may belong to several customers. */
export const customerPhones = pgTable('customer_phones', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  customerId: uuid('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
  e164: text('e164').notNull(),
  label: text('label'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('customer_phones_customer_e164_idx').on(t.customerId, t.e164),
  index('customer_phones_e164_idx').on(t.e164),
  // Numbers by their last digits (an agent types "8000", or a number in another country's national
  // form): a suffix is a prefix of the reversed string, a btree range scan.
  index('customer_phones_e164_reverse_idx').using('btree', sql`reverse(${t.e164}) text_pattern_ops`),
]);

export type Customer = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;
export type CustomerPhone = typeof customerPhones.$inferSelect;
