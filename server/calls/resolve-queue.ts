import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { queueNumbers, queues } from '../../db/schema';

export interface RoutedQueue {
  id: string;
  name: string;
  prioritiseGold: boolean;
}

/** The dialled number picks the queue; any other number lands in `default`, created on first use. */
export async function resolveQueue(db: Tx, dialledE164: string | null): Promise<RoutedQueue> {
  if (dialledE164) {
    const [hit] = await db
      .select({ id: queues.id, name: queues.name, prioritiseGold: queues.prioritiseGold })
      .from(queueNumbers)
      .innerJoin(queues, eq(queues.id, queueNumbers.queueId))
      .where(eq(queueNumbers.e164, dialledE164))
      .limit(1);
    if (hit) return hit;
  }
  return defaultQueue(db);
}

export async function defaultQueue(db: Tx): Promise<RoutedQueue> {
  await db.insert(queues).values({ name: 'default' }).onConflictDoNothing({ target: queues.name });
  const [row] = await db
    .select({ id: queues.id, name: queues.name, prioritiseGold: queues.prioritiseGold })
    .from(queues)
    .where(eq(queues.name, 'default'))
    .limit(1);
  return row!;
}
