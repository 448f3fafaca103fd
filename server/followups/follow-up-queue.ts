import type postgres from 'postgres';
import type { BusinessHours } from '../../db/schema/queues';
import { defaultQueue } from '../calls/resolve-queue';
import type { Database } from '../../db/client';

export interface FollowUpQueue {
  id: string;
  name: string;
  timezone: string;
  hours: BusinessHours | null;
}

/**
 * The queue whose opening hours and agents a follow-up uses: its own queue, else the assignee's
 * first queue, else `default` (created on first use, as calls do).
 */
export async function followUpQueue(
  sql: postgres.Sql,
  db: Database,
  owner: { queueId: string | null; assigneeId: string | null },
): Promise<FollowUpQueue> {
  const rows = await sql<Array<{ id: string; name: string; timezone: string; business_hours: BusinessHours | null }>>`
    select id, name, timezone, business_hours from queues
    where id = coalesce(
      ${owner.queueId}::uuid,
      (select uq.queue_id from user_queues uq join queues q on q.id = uq.queue_id
        where uq.user_id = ${owner.assigneeId}::uuid order by q.created_at, q.name limit 1),
      (select id from queues where name = 'default'))`;
  let row = rows[0];
  if (!row) {
    const created = await defaultQueue(db);
    row = { id: created.id, name: created.name, timezone: 'UTC', business_hours: null };
  }
  return { id: row.id, name: row.name, timezone: row.timezone, hours: row.business_hours };
}
