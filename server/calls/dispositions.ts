import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/client';
import { settings } from '../../db/schema';
import type { Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';

/** Offered by the wrap-up form; admins replace the list in the `dispositions` setting. */
export const DEFAULT_DISPOSITIONS = ['resolved', 'callback_requested', 'sale', 'complaint', 'information', 'wrong_number', 'other'];

export async function getDispositions(db: Tx): Promise<string[]> {
  const [row] = await db.select().from(settings).where(eq(settings.key, 'dispositions')).limit(1);
  return Array.isArray(row?.value) ? (row.value as string[]) : DEFAULT_DISPOSITIONS;
}

/** PUT /api/settings/dispositions: the whole list, in the order the wrap-up form offers it. */
export const dispositionsInput = z.object({
  dispositions: z
    .array(z.string().trim().min(1).max(100))
    .min(1)
    .max(50)
    .refine((list) => new Set(list).size === list.length, { message: 'each disposition once' }),
});

export async function setDispositions(db: Tx, actor: Principal, dispositions: string[]): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: 'dispositions', value: dispositions })
      .onConflictDoUpdate({ target: settings.key, set: { value: dispositions, updatedAt: sql`now()` } });
    await recordAudit(tx, actor, { action: 'settings.dispositions', entity: 'settings', entityId: 'dispositions', data: { dispositions } });
    return dispositions;
  });
}
