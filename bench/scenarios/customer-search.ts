/**
 * Customer search latency at scale: `npx tsx bench/scenarios/customer-search.ts [--customers 1000000] [--samples 300]`.
 * Seeds `sb_bench_search_<customers>` once (kept between runs), then times searchCustomers() per
 * query kind (name, phone in several written forms, email, order number) and writes
 * bench/results/customer-search.json with p50/p95/p99 per kind.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { createDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { seedDatabase } from '../../db/seed';
import { searchCustomers } from '../../server/customers/search-customers';
import { parsePhoneNumber } from 'libphonenumber-js/max';
import { summarise, type LatencySummary } from '../lib/stats';
import { flag } from '../lib/args';

const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const here = path.dirname(fileURLToPath(import.meta.url));

export interface SearchBenchResult {
  customers: number;
  samplesPerKind: number;
  at: string;
  kinds: Record<string, LatencySummary & { hitRate: number; slowest: Array<{ q: string; ms: number }> }>;
}

/** Creates (once), migrates and seeds a kept measurement database; returns its URL. */
export async function ensureBenchDatabase(name: string, customers: number, ordersPerCustomer = 2): Promise<string> {
  if (!name.startsWith('sb_bench_')) throw new Error('measurement databases are named sb_bench_*');
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

interface Sample {
  id: string;
  name: string;
  email: string | null;
  e164: string | null;
  orderId: string | null;
}

/** National and spaced forms of an E.164 number, as an agent might type them. */
function writtenForms(e164: string): string[] {
  const digits = e164.slice(1);
  const forms = [e164, `00${digits}`, `+${digits.slice(0, 2)} ${digits.slice(2, 5)} ${digits.slice(5, 9)} ${digits.slice(9)}`];
  if (e164.startsWith('+1')) forms.push(`(${digits.slice(1, 4)}) ${digits.slice(4, 7)}-${digits.slice(7)}`);
  return forms;
}

export async function customerSearchBench(options: { customers?: number; samples?: number; out?: string } = {}): Promise<SearchBenchResult> {
  const customers = options.customers ?? 1_000_000;
  const samplesPerKind = options.samples ?? 300;
  const url = await ensureBenchDatabase(`sb_bench_search_${customers}`, customers);
  const handle = createDatabase(url, { max: 4 });
  try {
    // A random spread of real customers (tablesample keeps the pick cheap at a million rows).
    const picks = await handle.sql<Sample[]>`
      select c.id, c.name, c.email,
        (select e164 from customer_phones p where p.customer_id = c.id order by p.id limit 1) as e164,
        (select external_id from orders o where o.customer_id = c.id limit 1) as "orderId"
      from customers c tablesample system (1) limit ${samplesPerKind}`;
    const words = (n: string) => n.split(/\s+/).filter((w) => w.length >= 3);
    // Each query with the customer it was taken from: a hit is that customer among the answers.
    type Query = { q: string; id: string | null };
    const of = (p: Sample, q: string): Query => ({ q, id: p.id });
    const queries: Record<string, Query[]> = {
      nameFull: picks.map((p) => of(p, p.name)),
      nameWord: picks.map((p) => of(p, words(p.name)[0] ?? p.name)),
      email: picks.flatMap((p) => (p.email ? [of(p, p.email.toUpperCase())] : [])),
      phoneE164: picks.flatMap((p) => (p.e164 ? [of(p, p.e164)] : [])),
      phoneWritten: picks.flatMap((p) => (p.e164 ? writtenForms(p.e164).slice(1, 3).map((q) => of(p, q)) : [])),
      // The national form of the number's own country (read with DEFAULT_REGION=US, so Chinese ones
      // are found by their last digits), and the last 6 and 4 digits alone.
      phoneNational: picks.flatMap((p) => (p.e164 ? [of(p, parsePhoneNumber(p.e164).formatNational())] : [])),
      phoneLast6: picks.flatMap((p) => (p.e164 ? [of(p, p.e164.slice(-6))] : [])),
      phoneLast4: picks.flatMap((p) => (p.e164 ? [of(p, p.e164.slice(-4))] : [])),
      orderNumber: picks.flatMap((p) => (p.orderId ? [of(p, p.orderId)] : [])),
      miss: picks.map((_, i) => ({ q: `zz-nobody-${i}-qx`, id: null })),
    };
    const scope = { defaultRegion: process.env.DEFAULT_REGION ?? 'US', teamId: null };
    for (const { q } of queries.nameFull!.slice(0, 20)) await searchCustomers(handle.db, q, scope); // warm caches and prepared plans
    const kinds: SearchBenchResult['kinds'] = {};
    for (const [kind, list] of Object.entries(queries)) {
      const times: number[] = [];
      const slow: Array<{ q: string; ms: number }> = [];
      let hits = 0;
      for (const { q, id } of list.slice(0, samplesPerKind)) {
        const t0 = performance.now();
        const found = await searchCustomers(handle.db, q, scope);
        const ms = performance.now() - t0;
        times.push(ms);
        slow.push({ q, ms: Math.round(ms * 10) / 10 });
        // A miss query hits when nothing comes back; the others when their customer does (a
        // four-digit suffix may find 50 others first, which the hit rate shows).
        if (id === null ? found.length === 0 : found.some((c) => c.id === id)) hits += 1;
      }
      const slowest = slow.sort((a, b) => b.ms - a.ms).slice(0, 3);
      kinds[kind] = { ...summarise(times), slowest, hitRate: list.length ? Math.round((hits / Math.min(list.length, samplesPerKind)) * 1000) / 1000 : 0 };
      console.log(`  ${kind.padEnd(13)} n=${kinds[kind]!.count} p50=${kinds[kind]!.p50} ms p99=${kinds[kind]!.p99} ms hits=${kinds[kind]!.hitRate}`);
    }
    const result: SearchBenchResult = { customers, samplesPerKind, at: new Date().toISOString(), kinds };
    const out = options.out ?? path.join(here, '..', 'results', 'customer-search.json');
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const customers = Number(flag('customers') ?? 1_000_000);
  const run = process.argv.includes('--seed-only')
    ? ensureBenchDatabase(`sb_bench_search_${customers}`, customers).then(() => undefined)
    : customerSearchBench({ customers, samples: Number(flag('samples') ?? 300) }).then(() => undefined);
  run.catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
