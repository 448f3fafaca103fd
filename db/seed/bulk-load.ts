import type postgres from 'postgres';
import type { SeedContext } from './context';
import { copyText } from './copy';
import { BULK_TABLES } from './bulk-tables';
import { buildCustomerBundle, type CustomerBundle } from './factories/customers';
import { seedId } from './ids';
import { writeMarker, type SeedMarker } from './marker';
import type { Progress } from './progress';

export interface BulkLoadOptions {
  from: number;
  to: number;
  /** Customers per transaction: each batch commits with the marker, so a crash loses one batch at most. */
  batchSize: number;
  marker: Omit<SeedMarker, 'bulkCustomers'>;
  progress: Progress;
}

export type RowCounts = Record<string, number>;

function count(counts: RowCounts, b: CustomerBundle) {
  counts.customers = (counts.customers ?? 0) + 1;
  counts.customer_phones = (counts.customer_phones ?? 0) + b.phones.length;
  counts.orders = (counts.orders ?? 0) + b.orders.length;
  counts.interactions = (counts.interactions ?? 0) + b.interactions.length;
  counts.complaints = (counts.complaints ?? 0) + b.complaints.length;
  counts.complaint_events = (counts.complaint_events ?? 0) + b.complaintEvents.length;
  counts.follow_ups = (counts.follow_ups ?? 0) + b.followUps.length;
}

/**
 * Bulk customers [from, to) with COPY, one transaction per batch. Rows past the marker can only be
 * left by a run that died between its COPY and its commit in another session; they are deleted
 * first (cascading to their phones, orders…) so the COPY never meets a duplicate id.
 */
export async function bulkLoad(sql: postgres.Sql, ctx: SeedContext, opts: BulkLoadOptions): Promise<RowCounts> {
  await sql`delete from customers where id >= ${seedId(ctx.seed, 'customer', opts.from)}::uuid and id <= ${seedId(ctx.seed, 'customer', Number.MAX_SAFE_INTEGER)}::uuid`;
  const counts: RowCounts = {};
  for (let start = opts.from; start < opts.to; start += opts.batchSize) {
    const end = Math.min(opts.to, start + opts.batchSize);
    let t0 = performance.now(); const T: string[] = [];
    const bundles: CustomerBundle[] = [];
    for (let i = start; i < end; i++) bundles.push(buildCustomerBundle(ctx, i));
    T.push(`gen ${(performance.now() - t0).toFixed(0)}`); t0 = performance.now();
    await sql.begin(async (tx) => {
      for (const table of BULK_TABLES) {
        await copyText(tx, table.statement, (function* () {
          for (const b of bundles) {
            const text = table.encode(b);
            if (text) yield text;
          }
        })());
        T.push(`${table.name} ${(performance.now() - t0).toFixed(0)}`); t0 = performance.now();
      }
      await writeMarker(tx, { ...opts.marker, bulkCustomers: end });
    });
    T.push(`commit ${(performance.now() - t0).toFixed(0)}`); console.log(T.join(' '));
    for (const b of bundles) count(counts, b);
    opts.progress.update(end - opts.from);
  }
  return counts;
}
