import { index, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';

export interface OrderItem {
  sku?: string;
  name: string;
  quantity: number;
  unitPrice?: number;
}

export const orders = pgTable('orders', {
  id: uuid('id').primaryKey().defaultRandom(),
  customerId: uuid('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
  externalId: text('external_id').notNull().unique(),
  /** numeric, never float: money. Read back as a decimal string. */
  total: numeric('total', { precision: 18, scale: 4 }).notNull(),
  /** Profit on the order where the integrator sends it; drives the segment when present. */
  margin: numeric('margin', { precision: 18, scale: 4 }),
  currency: text('currency').notNull(),
  status: text('status').notNull(),
  placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
  items: jsonb('items').$type<OrderItem[]>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('orders_customer_placed_idx').on(t.customerId, t.placedAt.desc())]);

export type Order = typeof orders.$inferSelect;
export type NewOrder = typeof orders.$inferInsert;
