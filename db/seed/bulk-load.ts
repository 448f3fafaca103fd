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
  /** Customers per transaction: each batch commits its rows with the marker. */
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
 * Bulk customers [from, to) with COPY, one transaction per batch, one batch in flight per connection.
 * While one backend is busy with its batch, this process generates the next one for the other.
 *
 * The marker only ever claims a contiguous prefix of committed batches. A run that dies can
 * therefore leave committed rows past the marker; they are deleted first (cascading to their
 * phones, orders…), so the COPY of a resumed run never meets a duplicate id.
 */
export async function bulkLoad(connections: postgres.Sql[], ctx: SeedContext, opts: BulkLoadOptions): Promise<RowCounts> {
  const first = connections[0]!;
  await first`delete from customers where id >= ${seedId(ctx.seed, 'customer', opts.from)}::uuid and id <= ${seedId(ctx.seed, 'customer', Number.MAX_SAFE_INTEGER)}::uuid`;

  const counts: RowCounts = {};
  const committedEnds = new Map<number, number>(); // batch start → end, committed
  let prefix = opts.from; // every customer below it is committed
  let next = opts.from;
  let done = 0;

  const claimWith = (start: number, end: number) => {
    if (start !== prefix) return prefix;
    let p = end;
    while (committedEnds.has(p)) p = committedEnds.get(p)!;
    return p;
  };

  const worker = async (sql: postgres.Sql) => {
    while (next < opts.to) {
      const start = next;
      const end = Math.min(opts.to, start + opts.batchSize);
      next = end;
      const bundles: CustomerBundle[] = [];
      for (let i = start; i < end; i++) bundles.push(buildCustomerBundle(ctx, i));
      await sql.begin(async (tx) => {
        for (const table of BULK_TABLES) {
          await copyText(tx, table.statement, (function* () {
            for (const b of bundles) {
              const text = table.encode(b);
              if (text) yield text;
            }
          })());
        }
        await writeMarker(tx, { ...opts.marker, bulkCustomers: claimWith(start, end) }, { onlyIncrease: true });
      });
      committedEnds.set(start, end);
      while (committedEnds.has(prefix)) prefix = committedEnds.get(prefix)!;
      for (const b of bundles) count(counts, b);
      done += end - start;
      opts.progress.update(done);
    }
  };
  await Promise.all(connections.map(worker));
  await writeMarker(first, { ...opts.marker, bulkCustomers: opts.to }, { onlyIncrease: true });
  return counts;
}
