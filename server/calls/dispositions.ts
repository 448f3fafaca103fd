import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { settings } from '../../db/schema';

/** Offered by the wrap-up form; admins replace the list in the `dispositions` setting. */
export const DEFAULT_DISPOSITIONS = ['resolved', 'callback_requested', 'sale', 'complaint', 'information', 'wrong_number', 'other'];

export async function getDispositions(db: Tx): Promise<string[]> {
  const [row] = await db.select().from(settings).where(eq(settings.key, 'dispositions')).limit(1);
  return Array.isArray(row?.value) ? (row.value as string[]) : DEFAULT_DISPOSITIONS;
}
