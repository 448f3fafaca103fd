import { complaintEvents, complaints, customerPhones, customers, followUps, interactions, orders } from '../schema';
import type { Table } from 'drizzle-orm';
import { copySpec, type CopySpec } from './copy';
import type { CustomerBundle } from './factories/customers';

/**
 * The COPY column lists, in load order (parents first). Every NOT NULL column is listed, defaults
 * included, so COPY writes exactly what the factories computed (fixed timestamps, not now()).
 */
export interface BulkTable {
  name: string;
  statement: string;
  /** The COPY lines of one customer's rows in this table ('' when it has none). */
  encode(bundle: CustomerBundle): string;
}

function table<T extends Table>(name: string, spec: CopySpec<T>, rows: (b: CustomerBundle) => ReadonlyArray<T['$inferInsert']>): BulkTable {
  return {
    name,
    statement: spec.statement,
    encode(bundle) {
      let out = '';
      for (const row of rows(bundle)) out += spec.encode(row);
      return out;
    },
  };
}

export const BULK_TABLES: readonly BulkTable[] = [
  table('customers', copySpec(customers, ['id', 'externalId', 'name', 'email', 'tags', 'timezone', 'locale', 'teamId', 'followUpFrequencyDays', 'rfmRecency', 'rfmFrequency', 'rfmMonetary', 'segment', 'createdAt', 'updatedAt']), (b) => [b.customer]),
  table('customer_phones', copySpec(customerPhones, ['customerId', 'e164', 'label', 'createdAt']), (b) => b.phones),
  table('orders', copySpec(orders, ['id', 'customerId', 'externalId', 'total', 'margin', 'currency', 'status', 'placedAt', 'items', 'createdAt', 'updatedAt']), (b) => b.orders),
  table('interactions', copySpec(interactions, ['id', 'customerId', 'channel', 'direction', 'summary', 'disposition', 'agentId', 'at']), (b) => b.interactions),
  table('complaints', copySpec(complaints, [
      'id', 'customerId', 'orderId', 'summary', 'category', 'severity', 'status', 'policyId', 'level', 'assigneeId',
      'respondBy', 'resolveBy', 'levelStartedAt', 'acknowledgedAt', 'createdBy', 'createdAt', 'updatedAt',
    ]), (b) => b.complaints),
  table('complaint_events', copySpec(complaintEvents, ['complaintId', 'type', 'actorId', 'fromLevel', 'toLevel', 'assigneeId', 'fromStatus', 'toStatus', 'note', 'at']), (b) => b.complaintEvents),
  table('follow_ups', copySpec(followUps, [
      'id', 'customerId', 'kind', 'reason', 'dueAt', 'assigneeId', 'queueId', 'status', 'attempt', 'maxAttempts', 'retryAfterSeconds', 'createdBy', 'createdAt', 'updatedAt',
    ]), (b) => b.followUps),
];

export const BULK_TABLE_NAMES = BULK_TABLES.map((t) => t.name);
