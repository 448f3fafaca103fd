import postgres from 'postgres';
import { migrateDatabase } from '../../db/migrate';
import { seedDatabase } from '../../db/seed';

const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A database of `customers` seeded customers, kept between runs (seeding 1,000,000 takes minutes):
 * `sb_bench_<customers>_<orders>`. Set BENCH_DATABASE_URL to use your own.
 */
export async function benchDatabase(customers: number, ordersPerCustomer: number): Promise<string> {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const name = `sb_bench_${customers}_${ordersPerCustomer}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    const exists = await admin`select 1 from pg_database where datname = ${name}`;
    if (exists.length === 0) await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  const started = Date.now();
  const result = await seedDatabase(url.toString(), { customers, ordersPerCustomer, log: (m: string) => console.log(`  seed: ${m}`) });
  if (!result.nothingToDo) console.log(`  seeded ${customers} customers in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return url.toString();
}
