import { createDatabase, type DatabaseHandle } from '../client';
import { at, DAY, defaultAnchor, type SeedContext, type SeedRefs } from './context';
import { bulkLoad, type RowCounts } from './bulk-load';
import { bulkConnection } from './bulk-connection';
import { createIndexes, dropIndexes, secondaryIndexes } from './bulk-indexes';
import { BULK_TABLE_NAMES } from './bulk-tables';
import { DEMO_CUSTOMERS, demoCustomerBundle } from './factories/demo-customers';
import { seedEscalationPolicy } from './factories/escalation';
import { MAX_BULK_CUSTOMERS } from './factories/phones';
import { seedQueues } from './factories/queues';
import { seedTeams } from './factories/teams';
import { DEMO_LOGINS, seedUsers } from './factories/users';
import { insertBundles } from './insert-bundles';
import { readMarker, writeMarker } from './marker';
import { progressBar } from './progress';
import type postgres from 'postgres';
import { CNY_PER_USD } from './factories/orders';
import { RFM_CONFIG_KEY } from '../../server/customers/rfm-settings-store';
import { rfmConfigSchema } from '../../server/customers/value/rfm-config';

export const DEFAULT_SEED = 0x5b0a2d; // "sb oard"; any 32-bit integer works
export const DEFAULT_CUSTOMERS = 500;
export const DEFAULT_ORDERS_PER_CUSTOMER = 2;
// 5,000 customers ≈ 25,000 rows per transaction: big enough to amortise commits, small enough to keep RSS flat.
export const DEFAULT_BATCH_SIZE = 5000;
// Two COPY connections: the server side of a COPY (FK checks, index upkeep) is the bottleneck, and
// while one backend works this process generates the next batch for the other.
export const DEFAULT_CONCURRENCY = 2;
const REBUILD_INDEXES_FROM = 100_000;

export interface SeedOptions {
  /** Bulk (generated) customers wanted in total, besides the curated demo customers. */
  customers?: number;
  ordersPerCustomer?: number;
  seed?: number;
  /** Instant all timestamps are relative to; default: today 00:00 UTC (or the anchor of an earlier run). */
  anchor?: Date;
  batchSize?: number;
  /** COPY connections working on batches in parallel. */
  concurrency?: number;
  /**
   * Drop the secondary indexes of the bulk tables during the load and build them after. Default:
   * when adding at least 100,000 customers to a database that holds fewer than that many.
   */
  rebuildIndexes?: boolean;
  progress?: boolean;
  log?: (line: string) => void;
}

export interface SeedResult {
  seed: number;
  anchor: Date;
  /** True when the database already held everything asked for. */
  nothingToDo: boolean;
  demoCustomersAdded: number;
  bulkCustomersAdded: number;
  bulkCustomersTotal: number;
  rowsAdded: RowCounts;
  elapsedMs: number;
  logins: typeof DEMO_LOGINS;
}

async function seedBase(handle: DatabaseHandle, seed: number, anchor: Date): Promise<{ refs: SeedRefs; users: Map<string, string> }> {
  const createdAt = at(anchor, -730 * DAY);
  return handle.db.transaction(async (tx) => {
    const teams = await seedTeams(tx, seed, createdAt);
    const queues = await seedQueues(tx, seed, teams, createdAt);
    const users = await seedUsers(tx, seed, { teams, queues }, createdAt);
    const policy = await seedEscalationPolicy(tx, seed, createdAt);
    const refs: SeedRefs = {
      teams,
      queues,
      agentIds: users.agentIds,
      supervisorId: users.supervisorId,
      complaintHandlerId: users.complaintHandlerId,
      adminId: users.adminId,
      policyId: policy.policyId,
      firstLevel: policy.firstLevel,
    };
    return { refs, users: users.byEmail };
  });
}

/**
 * Seeds teams, queues, one user per role (+ agents), the default escalation policy, the curated
 * demo customers and `customers` generated ones. Deterministic (fixed seed, fixed ids) and
 * idempotent: a second run adds nothing; a run asking for more customers adds only the difference.
 */
export async function seedDatabase(target: string | DatabaseHandle, options: SeedOptions = {}): Promise<SeedResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const wanted = options.customers ?? DEFAULT_CUSTOMERS;
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > MAX_BULK_CUSTOMERS) throw new RangeError(`customers must be an integer in 0…${MAX_BULK_CUSTOMERS}`);
  const handle = typeof target === 'string' ? createDatabase(target, { max: 2 }) : target;
  try {
    const marker = await readMarker(handle.sql);
    // An earlier run's seed and anchor win: the added customers must continue the same sequence.
    const seed = marker?.seed ?? options.seed ?? DEFAULT_SEED;
    const anchor = marker ? new Date(marker.anchor) : (options.anchor ?? defaultAnchor());
    if (marker && options.seed !== undefined && options.seed !== marker.seed) log(`database was seeded with seed ${marker.seed}; continuing with it`);

    const { refs, users } = await seedBase(handle, seed, anchor);
    // Demo orders are in CNY and USD: monetary scores compare them in CNY. An admin's own settings stay.
    const valueConfig = rfmConfigSchema.parse({ currencyRates: { USD: CNY_PER_USD } });
    await handle.sql`insert into settings (key, value) values (${RFM_CONFIG_KEY}, ${handle.sql.json(valueConfig as unknown as postgres.JSONValue)}) on conflict (key) do nothing`;
    const ctx: SeedContext = { seed, anchor, ordersPerCustomer: options.ordersPerCustomer ?? DEFAULT_ORDERS_PER_CUSTOMER, refs };
    const demoCustomersAdded = await handle.db.transaction((tx) => insertBundles(tx, DEMO_CUSTOMERS.map((_, k) => demoCustomerBundle(ctx, users, k))));

    const from = marker?.bulkCustomers ?? 0;
    const base = { version: 1 as const, seed, anchor: anchor.toISOString() };
    if (marker?.pendingIndexes?.length) {
      log('building the indexes an interrupted seed run left dropped');
      await createIndexes([handle.sql], marker.pendingIndexes);
      await writeMarker(handle.sql, { ...base, bulkCustomers: from });
    }
    let rowsAdded: RowCounts = {};
    if (wanted > from) {
      log(`generating customers ${from + 1}…${wanted} (seed ${seed}, ${ctx.ordersPerCustomer} orders per customer on average)`);
      const bulk = Array.from({ length: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY) }, () => bulkConnection(handle.sql));
      const rebuild = options.rebuildIndexes ?? (wanted - from >= REBUILD_INDEXES_FROM && from < REBUILD_INDEXES_FROM);
      const progress = progressBar(wanted - from, options.progress ?? false);
      try {
        let pendingIndexes: string[] | undefined;
        if (rebuild) {
          const indexes = await secondaryIndexes(handle.sql, BULK_TABLE_NAMES);
          pendingIndexes = indexes.map((i) => i.definition);
          // Recorded before the drop: a run that dies mid-load leaves the next run a note to rebuild them.
          await writeMarker(handle.sql, { ...base, bulkCustomers: from, pendingIndexes });
          await dropIndexes(handle.sql, indexes.map((i) => i.name));
        }
        rowsAdded = await bulkLoad(bulk, ctx, { from, to: wanted, batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE, marker: { ...base, pendingIndexes }, progress });
        progress.stop();
        if (pendingIndexes) {
          const t = Date.now();
          log(`building ${pendingIndexes.length} indexes…`);
          await createIndexes(bulk, pendingIndexes);
          log(`indexes built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
        }
        await writeMarker(handle.sql, { ...base, bulkCustomers: wanted });
      } finally {
        progress.stop();
        await Promise.all(bulk.map((c) => c.end({ timeout: 5 })));
      }
    } else if (!marker) {
      await writeMarker(handle.sql, { ...base, bulkCustomers: from });
    }
    const added = demoCustomersAdded > 0 || wanted > from;
    if (added) {
      // Fresh statistics, or the planner keeps its empty-table estimates and picks sequential scans.
      const t = Date.now();
      await handle.sql.unsafe(`analyze ${BULK_TABLE_NAMES.map((t) => `"${t}"`).join(', ')}`);
      if (wanted - from >= REBUILD_INDEXES_FROM) log(`statistics refreshed (ANALYZE) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    return {
      seed,
      anchor,
      nothingToDo: !added,
      demoCustomersAdded,
      bulkCustomersAdded: Math.max(0, wanted - from),
      bulkCustomersTotal: Math.max(wanted, from),
      rowsAdded,
      elapsedMs: Date.now() - started,
      logins: DEMO_LOGINS,
    };
  } finally {
    if (typeof target === 'string') await handle.close();
  }
}

/** Whether seedDatabase has run against this database (its marker is there). */
export async function isSeeded(target: DatabaseHandle): Promise<boolean> {
  return (await readMarker(target.sql)) !== undefined;
}
