import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { followUps, type FollowUp } from '../../db/schema';

export async function findFollowUp(db: Tx, id: string): Promise<FollowUp | undefined> {
  const [row] = await db.select().from(followUps).where(eq(followUps.id, id)).limit(1);
  return row;
}

export const isOpenStatus = (status: FollowUp['status']) => status === 'pending' || status === 'offered';
