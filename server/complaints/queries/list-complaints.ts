import { and, asc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Tx } from '../../../db/client';
import { complaintEvents, complaints, customers, escalationPolicies, users } from '../../../db/schema';
import { teamScope, type Principal } from '../../auth/principal';
import { visibleTo } from '../../customers/customer-visibility';
import { toListItem, type ComplaintListItem } from './complaint-view';

const flag = z
  .union([z.literal('1'), z.literal('true'), z.literal('0'), z.literal('false')])
  .optional()
  .transform((v) => v === '1' || v === 'true');

export const listComplaintsQuery = z.object({
  mine: flag,
  team: flag,
  escalatedToMe: flag,
  /** open (default): new, acknowledged, in progress; all; or one status. */
  status: z.enum(['open', 'all', 'new', 'acknowledged', 'in_progress', 'resolved', 'closed']).default('open'),
  customerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListComplaintsQuery = z.infer<typeof listComplaintsQuery>;

const OPEN = ['new', 'acknowledged', 'in_progress'] as const;
const assignee = alias(users, 'assignee');
const teammate = alias(users, 'teammate');
const nextDue = sql`least(case when ${complaints.acknowledgedAt} is null then ${complaints.respondBy} end, ${complaints.resolveBy})`;

/**
 * GET /api/complaints. `mine`: assigned to me. `team`: assigned to anyone of my team (no team: to
 * anyone of my role — the handler pool). `escalatedToMe`: reached me by escalation (it stays listed
 * if it has since climbed further). Several flags: any of them. None: mine, or everything in scope for
 * an integration. Sorted by the nearest pending deadline (overdue first), then oldest first.
 */
export async function listComplaints(tx: Tx, principal: Principal, query: ListComplaintsQuery): Promise<ComplaintListItem[]> {
  const me = principal.kind === 'user' ? principal.user : null;
  const views: SQL[] = [];
  if (me) {
    if (query.mine || (!query.team && !query.escalatedToMe)) views.push(eq(complaints.assigneeId, me.id));
    if (query.team) {
      const peers = tx
        .select({ id: teammate.id })
        .from(teammate)
        .where(me.teamId ? eq(teammate.teamId, me.teamId) : eq(teammate.role, me.role));
      views.push(inArray(complaints.assigneeId, peers));
    }
    if (query.escalatedToMe) {
      views.push(
        exists(
          tx
            .select({ one: sql`1` })
            .from(complaintEvents)
            .where(and(eq(complaintEvents.complaintId, complaints.id), eq(complaintEvents.type, 'escalated'), eq(complaintEvents.assigneeId, me.id))),
        ),
      );
    }
  }
  const status = query.status === 'open' ? inArray(complaints.status, [...OPEN]) : query.status === 'all' ? undefined : eq(complaints.status, query.status);
  const rows = await tx
    .select({ complaint: complaints, policy: escalationPolicies.name, customerName: customers.name, segment: customers.segment, assigneeName: assignee.name })
    .from(complaints)
    .innerJoin(customers, eq(customers.id, complaints.customerId))
    .innerJoin(escalationPolicies, eq(escalationPolicies.id, complaints.policyId))
    .leftJoin(assignee, eq(assignee.id, complaints.assigneeId))
    .where(and(views.length ? or(...views) : undefined, status, query.customerId ? eq(complaints.customerId, query.customerId) : undefined, visibleTo(teamScope(principal))))
    .orderBy(sql`${nextDue} asc nulls last`, asc(complaints.createdAt))
    .limit(query.limit);
  return rows.map((r) => toListItem(r.complaint, r));
}
