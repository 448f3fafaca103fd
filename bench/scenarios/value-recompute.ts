/**
 * The nightly customer value run at scale: `npx tsx bench/scenarios/value-recompute.ts [--customers 1000000] [--samples 200]`.
 * Uses the search benchmark's kept database (`sb_bench_search_<customers>`, seeded once), then times
 * recomputeAllValues() three times: a first run (everyone's value written), a rerun (nothing moved,
 * nothing written) and a run with currency rates (money compared in CNY), sampling this process's
 * RSS; then times the per-order rescore of single customers. Writes bench/results/value-recompute-<customers>.json.
 * The kept database ends with the rates set, so the next first run starts from those values, not the seed's.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase } from '../../db/client';
import type { AppContext } from '../../server/context';
import { createLogger } from '../../server/logger';
import { recomputeAllValues } from '../../server/customers/recompute-all-values';
import { recomputeCustomerValue } from '../../server/customers/recompute-customer-value';
import { writeRfmConfig } from '../../server/customers/rfm-settings-store';
import { summarise, type LatencySummary } from '../lib/stats';
import { flag } from '../lib/args';
import { ensureBenchDatabase } from './customer-search';

const here = path.dirname(fileURLToPath(import.meta.url));
const MB = 1024 * 1024;

interface RunResult {
  run: string;
  currencyRates: Record<string, number>;
  seconds: number;
  population: number;
  changed: number;
  segmentChanges: number;
  rssMb: { before: number; peak: number };
  segments: Record<string, number>;
}

export interface ValueRecomputeResult {
  command: string;
  at: string;
  machine: { cpus: number; model: string; node: string };
  customers: number;
  runs: RunResult[];
  perOrderRescoreMs: LatencySummary;
}

/** Peak RSS of this process while `work` runs, sampled every 50 ms. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; before: number; peak: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, before, peak };
  } finally {
    clearInterval(timer);
  }
}

export async function valueRecomputeBench(options: { customers?: number; samples?: number; out?: string } = {}): Promise<ValueRecomputeResult> {
  const customers = options.customers ?? 1_000_000;
  const samples = options.samples ?? 200;
  const url = await ensureBenchDatabase(`sb_bench_search_${customers}`, customers);
  const handle = createDatabase(url, { max: 4 });
  // The value jobs read only the database and the logger; the job queue is touched only before a first full run.
  const ctx = { database: handle, db: handle.db, logger: createLogger('warn') } as unknown as AppContext;
  try {
    const runs: RunResult[] = [];
    const plan: Array<[string, Record<string, number>]> = [
      ['face value', {}],
      ['rerun (nothing moved)', {}],
      ['currency rates (USD 7.2)', { USD: 7.2 }],
    ];
    for (const [run, currencyRates] of plan) {
      await writeRfmConfig(handle.sql, { currencyRates });
      const started = performance.now();
      const { value, before, peak } = await withPeakRss(() => recomputeAllValues(ctx, new Date()));
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      const rows = await handle.sql<Array<{ segment: string | null; n: number }>>`select segment, count(*)::int as n from customers group by 1`;
      const segments = Object.fromEntries(rows.map((r) => [r.segment ?? 'none', r.n]));
      runs.push({ run, currencyRates, seconds, population: value.population, changed: value.changed, segmentChanges: value.segmentChanges, rssMb: { before: Math.round(before / MB), peak: Math.round(peak / MB) }, segments });
      console.log(`  ${run.padEnd(26)} ${seconds} s, ${value.population} scored, ${value.changed} changed, ${value.segmentChanges} segment moves, RSS ${Math.round(before / MB)} → ${Math.round(peak / MB)} MB`);
    }

    const picks = await handle.sql<Array<{ id: string }>>`select customer_id as id from orders tablesample system (1) limit ${samples}`;
    const times: number[] = [];
    for (const { id } of picks) {
      const t0 = performance.now();
      await recomputeCustomerValue(ctx, id);
      times.push(performance.now() - t0);
    }
    const perOrderRescoreMs = summarise(times);
    console.log(`  per-order rescore n=${perOrderRescoreMs.count} p50=${perOrderRescoreMs.p50} ms p99=${perOrderRescoreMs.p99} ms`);

    const cpu = os.cpus();
    const result: ValueRecomputeResult = {
      command: `npx tsx bench/scenarios/value-recompute.ts --customers ${customers} --samples ${samples}`,
      at: new Date().toISOString(),
      machine: { cpus: cpu.length, model: cpu[0]?.model ?? 'unknown', node: process.version },
      customers,
      runs,
      perOrderRescoreMs,
    };
    const out = options.out ?? path.join(here, '..', 'results', `value-recompute-${customers}.json`);
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  valueRecomputeBench({ customers: Number(flag('customers') ?? 1_000_000), samples: Number(flag('samples') ?? 200) }).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
