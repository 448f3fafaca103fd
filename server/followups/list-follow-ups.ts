import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { customerPhones, customers, followUps, queues } from '../../db/schema';
import { visibleTo } from '../customers/customer-visibility';
import { toFollowUpView, type FollowUpView } from './follow-up-view';
import { dueBucket } from './schedule/due-bucket';
import { visibleFollowUp } from './visible-follow-up';

async function withDetails(tx: Tx, where: SQL | undefined, order: 'due' | 'recent', limit: number): Promise<FollowUpView[]> {
  const rows = await tx
    .select({
      f: followUps,
      queue: queues.name,
      customer: { id: customers.id, name: customers.name, timezone: customers.timezone },
      phones: sql<string[]>`coalesce((select array_agg(p.e164 order by p.id) from ${customerPhones} p where p.customer_id = ${customers.id}), '{}')`,
    })
    .from(followUps)
    .innerJoin(customers, eq(customers.id, followUps.customerId))
    .leftJoin(queues, eq(queues.id, followUps.queueId))
    .where(where)
    .orderBy(order === 'due' ? asc(followUps.dueAt) : desc(followUps.updatedAt))
    .limit(limit);
  return rows.map((r) => toFollowUpView(r.f, { queue: r.queue, customer: { ...r.customer, phones: r.phones } }));
}

export interface MyFollowUps {
  now: string;
  due: FollowUpView[];
  upcoming: FollowUpView[];
  overdue: FollowUpView[];
}

/** "My follow-ups": open ones assigned or offered to the user, sorted into due, upcoming and overdue. */
export async function listMyFollowUps(tx: Tx, userId: string, limit: number, now = new Date()): Promise<MyFollowUps> {
  const open = await withDetails(
    tx,
    and(inArray(followUps.status, ['pending', 'offered']), or(eq(followUps.assigneeId, userId), eq(followUps.offeredTo, userId))),
    'due',
    limit,
  );
  const out: MyFollowUps = { now: now.toISOString(), due: [], upcoming: [], overdue: [] };
  for (const f of open) {
    // An offer in hand is due whatever its clock says (a reschedule puts it back to pending).
    const bucket = f.status === 'offered' && dueBucket(new Date(f.dueAt), now) === 'upcoming' ? 'due' : dueBucket(new Date(f.dueAt), now);
    out[bucket].push(f);
  }
  return out;
}

export async function listFollowUps(
  tx: Tx,
  teamId: string | null,
  filter: { customerId?: string; status?: FollowUpView['status'] },
  limit: number,
): Promise<FollowUpView[]> {
  return withDetails(
    tx,
    and(visibleTo(teamId), filter.customerId ? eq(followUps.customerId, filter.customerId) : undefined, filter.status ? eq(followUps.status, filter.status) : undefined),
    'due',
    limit,
  );
}

export async function getFollowUp(tx: Tx, id: string, teamId: string | null): Promise<FollowUpView> {
  await visibleFollowUp(tx, id, teamId);
  const [view] = await withDetails(tx, eq(followUps.id, id), 'due', 1);
  return view!;
}
