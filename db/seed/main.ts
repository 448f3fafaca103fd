import { parseArgs } from 'node:util';
import { DEFAULT_CUSTOMERS, DEFAULT_ORDERS_PER_CUSTOMER, DEFAULT_SEED, seedDatabase, type SeedResult } from './seed-database';

/** `npm run seed [-- --customers N] [--orders-per-customer N] [--seed N] [--anchor 2025-01-01]` */
const USAGE = `usage: npm run seed -- [--customers N (default ${DEFAULT_CUSTOMERS})] [--orders-per-customer N (default ${DEFAULT_ORDERS_PER_CUSTOMER})] [--seed N (default ${DEFAULT_SEED})] [--anchor YYYY-MM-DD] [--batch-size N] [--concurrency N] [--keep-indexes | --rebuild-indexes] [--quiet]`;

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, not "${value}"`);
  return n;
}

export function printLogins(result: Pick<SeedResult, 'logins'>): void {
  console.log('\nDemo logins (fixed demo passwords: for the demo only, never for a real deployment):');
  for (const l of result.logins) console.log(`  ${l.role.padEnd(17)} ${l.email.padEnd(26)} ${l.password}`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string' },
      'orders-per-customer': { type: 'string' },
      seed: { type: 'string' },
      anchor: { type: 'string' },
      'batch-size': { type: 'string' },
      concurrency: { type: 'string' },
      'keep-indexes': { type: 'boolean' },
      'rebuild-indexes': { type: 'boolean' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (npm run demo starts an embedded PostgreSQL and seeds it for you)');
  const anchor = values.anchor ? new Date(values.anchor) : undefined;
  if (anchor && Number.isNaN(anchor.getTime())) throw new Error(`--anchor must be a date such as 2025-01-01, not "${values.anchor}"`);

  const result = await seedDatabase(url, {
    customers: integer('customers', values.customers),
    ordersPerCustomer: integer('orders-per-customer', values['orders-per-customer']),
    seed: integer('seed', values.seed),
    batchSize: integer('batch-size', values['batch-size']),
    concurrency: integer('concurrency', values.concurrency),
    rebuildIndexes: values['keep-indexes'] ? false : values['rebuild-indexes'] ? true : undefined,
    anchor,
    progress: !values.quiet,
    log: (line) => console.log(line),
  });
  if (result.nothingToDo) {
    console.log(`already seeded (seed ${result.seed}, ${result.bulkCustomersTotal} generated customers): nothing added`);
  } else {
    const rows = Object.entries(result.rowsAdded).map(([t, n]) => `${t} ${n}`).join(', ');
    console.log(`seeded in ${(result.elapsedMs / 1000).toFixed(1)} s: ${result.demoCustomersAdded} demo customers, ${result.bulkCustomersAdded} generated${rows ? ` (${rows})` : ''}`);
  }
  printLogins(result);
}

main().catch((err: unknown) => {
  console.error(`seed failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
