import type { Tx } from '../client';
import { complaintEvents, complaints, customerPhones, customers, followUps, interactions, orders } from '../schema';
import type { CustomerBundle } from './factories/customers';

/**
 * Inserts bundles through drizzle (the small, curated path). Customers already present by id are
 * skipped with everything they bring, so a second run adds nothing, complaint events included.
 */
export async function insertBundles(db: Tx, bundles: CustomerBundle[]): Promise<number> {
  if (!bundles.length) return 0;
  const inserted = await db.insert(customers).values(bundles.map((b) => b.customer)).onConflictDoNothing().returning({ id: customers.id });
  const fresh = new Set(inserted.map((r) => r.id));
  const rows = bundles.filter((b) => fresh.has(b.customer.id));
  const phones = rows.flatMap((b) => b.phones);
  const orderRows = rows.flatMap((b) => b.orders);
  const history = rows.flatMap((b) => b.interactions);
  const complaintRows = rows.flatMap((b) => b.complaints);
  const events = rows.flatMap((b) => b.complaintEvents);
  const followUpRows = rows.flatMap((b) => b.followUps);
  if (phones.length) await db.insert(customerPhones).values(phones).onConflictDoNothing();
  if (orderRows.length) await db.insert(orders).values(orderRows).onConflictDoNothing();
  if (history.length) await db.insert(interactions).values(history).onConflictDoNothing();
  if (complaintRows.length) await db.insert(complaints).values(complaintRows).onConflictDoNothing();
  if (events.length) await db.insert(complaintEvents).values(events);
  if (followUpRows.length) await db.insert(followUps).values(followUpRows).onConflictDoNothing();
  return rows.length;
}
