import type postgres from 'postgres';
import { cursorKey, encodeCursor, olderThan, type KeysetCursor } from '../lib/keyset-cursor';

export interface CustomerOrderItem {
  id: string;
  externalId: string;
  total: number;
  margin: number | null;
  currency: string;
  status: string;
  placedAt: string;
}

export const ORDERS_MAX_LIMIT = 100;

/** One customer's orders, newest first, keyset-paginated on (placed_at, id) through the customer index. */
export async function customerOrders(sql: postgres.Sql, customerId: string, limit: number, cursor: KeysetCursor | null): Promise<{ orders: CustomerOrderItem[]; nextCursor: string | null }> {
  const rows = await sql<Array<{ id: string; external_id: string; total: number; margin: number | null; currency: string; status: string; placed_at: Date; at_key: string }>>`
    select id, external_id, total::float8 as total, margin::float8 as margin, currency, status, placed_at, ${cursorKey(sql, 'placed_at')} as at_key
    from orders
    where customer_id = ${customerId} ${olderThan(sql, cursor, 'placed_at', 'id')}
    order by placed_at desc, id desc
    limit ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    orders: page.map((r) => ({ id: r.id, externalId: r.external_id, total: r.total, margin: r.margin, currency: r.currency, status: r.status, placedAt: r.placed_at.toISOString() })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.at_key, last.id) : null,
  };
}
