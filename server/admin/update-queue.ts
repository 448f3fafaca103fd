import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/client';
import { queues } from '../../db/schema';
import type { Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../http/errors';
import { businessHours } from './field-schemas';

/**
 * PATCH /api/queues/{id}: what an admin tunes on a running queue. Name, numbers, team and time zone
 * stay as created: they key routing and today's figures, and changing them mid-day would split both.
 */
export const updateQueueInput = z
  .object({
    prioritiseGold: z.boolean(),
    serviceLevelSeconds: z.number().int().min(1).max(3600),
    serviceLevelTarget: z.number().int().min(0).max(100),
    businessHours: businessHours.nullable(),
  })
  .partial()
  .strict()
  .refine((input) => Object.keys(input).length > 0, { message: 'nothing to change' });
export type UpdateQueueInput = z.infer<typeof updateQueueInput>;

/** Applies the change and audits it in one transaction; a queue that does not exist is a 404. */
export async function updateQueue(db: Tx, actor: Principal, id: string, input: UpdateQueueInput): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(queues)
      .set(input)
      .where(eq(queues.id, id))
      .returning({ id: queues.id });
    if (!row) throw notFound('queue not found');
    await recordAudit(tx, actor, { action: 'queue.update', entity: 'queue', entityId: id, data: { ...input } });
    return row;
  });
}
