import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../db/client';
import { complaintEvents, complaints, customers, escalationPolicies, orders, users } from '../../../db/schema';
import { teamScope, type Principal } from '../../auth/principal';
import { visibleTo } from '../../customers/customer-visibility';
import { notFound } from '../../http/errors';
import { mayChangeComplaint } from '../policy/authorise-change';
import { toListItem, type ComplaintListItem } from './complaint-view';

export interface ComplaintEventView {
  id: number;
  type: string;
  at: string;
  actor: { id: string; name: string } | null;
  fromLevel: number | null;
  toLevel: number | null;
  assignee: { id: string; name: string } | null;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
}

export interface ComplaintDetail extends ComplaintListItem {
  description: string | null;
  order: { id: string; externalId: string } | null;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  levelStartedAt: string;
  /** Whether the caller may acknowledge, resolve… this complaint (the console shows the buttons). */
  canChange: boolean;
  /** Every step, oldest first: who (actor null = the system, on a deadline), when, why (note). */
  events: ComplaintEventView[];
}

const assignee = alias(users, 'assignee');
const actor = alias(users, 'actor');

/** GET /api/complaints/{id}; 404 when missing or outside the caller's team scope. */
export async function getComplaint(tx: Tx, principal: Principal, id: string): Promise<ComplaintDetail> {
  const [row] = await tx
    .select({ complaint: complaints, policy: escalationPolicies.name, customerName: customers.name, segment: customers.segment, assigneeName: assignee.name, orderExternalId: orders.externalId })
    .from(complaints)
    .innerJoin(customers, eq(customers.id, complaints.customerId))
    .innerJoin(escalationPolicies, eq(escalationPolicies.id, complaints.policyId))
    .leftJoin(assignee, eq(assignee.id, complaints.assigneeId))
    .leftJoin(orders, eq(orders.id, complaints.orderId))
    .where(and(eq(complaints.id, id), visibleTo(teamScope(principal))));
  if (!row) throw notFound('complaint not found');
  const events = await tx
    .select({ event: complaintEvents, actorName: actor.name, assigneeName: assignee.name })
    .from(complaintEvents)
    .leftJoin(actor, eq(actor.id, complaintEvents.actorId))
    .leftJoin(assignee, eq(assignee.id, complaintEvents.assigneeId))
    .where(eq(complaintEvents.complaintId, id))
    .orderBy(asc(complaintEvents.at), asc(complaintEvents.id));
  const c = row.complaint;
  const who = principal.kind === 'integration' ? ({ kind: 'integration' } as const) : ({ kind: 'user', id: principal.user.id, role: principal.user.role } as const);
  return {
    ...toListItem(c, row),
    description: c.description,
    order: c.orderId && row.orderExternalId ? { id: c.orderId, externalId: row.orderExternalId } : null,
    acknowledgedAt: c.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    levelStartedAt: c.levelStartedAt.toISOString(),
    canChange: mayChangeComplaint(who, c.assigneeId),
    events: events.map(({ event: e, actorName, assigneeName }) => ({
      id: e.id,
      type: e.type,
      at: e.at.toISOString(),
      actor: e.actorId ? { id: e.actorId, name: actorName ?? '' } : null,
      fromLevel: e.fromLevel,
      toLevel: e.toLevel,
      assignee: e.assigneeId ? { id: e.assigneeId, name: assigneeName ?? '' } : null,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
    })),
  };
}
