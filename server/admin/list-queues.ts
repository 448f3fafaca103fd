import { asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { queueNumbers, queues, type BusinessHours } from '../../db/schema';

export interface QueueListItem {
  id: string;
  name: string;
  teamId: string | null;
  numbers: string[];
  serviceLevelSeconds: number;
  serviceLevelTarget: number;
  timezone: string;
  businessHours: BusinessHours | null;
  prioritiseGold: boolean;
}

/** Every queue with its numbers, by name; `teamId` confines the list to that team's queues and those of no team (as on the queue board). */
export async function listQueues(db: Tx, teamId: string | null): Promise<QueueListItem[]> {
  return db
    .select({
      id: queues.id,
      name: queues.name,
      teamId: queues.teamId,
      // Qualified by hand: drizzle leaves columns bare in a one-table select.
      numbers: sql<string[]>`array(select qn.e164 from ${queueNumbers} qn where qn.queue_id = ${queues}.${sql.identifier(queues.id.name)} order by 1)`,
      serviceLevelSeconds: queues.serviceLevelSeconds,
      serviceLevelTarget: queues.serviceLevelTarget,
      timezone: queues.timezone,
      businessHours: queues.businessHours,
      prioritiseGold: queues.prioritiseGold,
    })
    .from(queues)
    .where(teamId ? or(eq(queues.teamId, teamId), isNull(queues.teamId)) : undefined)
    .orderBy(asc(queues.name));
}
