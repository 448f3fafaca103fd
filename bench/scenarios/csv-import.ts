/**
 * CSV import rate at scale: `npx tsx bench/scenarios/csv-import.ts [--rows 1000000]`.
 * Starts a Switchboard in this process against a fresh `sb_bench_import_<rows>` database, streams
 * a generated customers CSV and then an orders CSV (one order per customer) through
 * POST /api/imports/{kind} without ever holding the file in memory, and records rows/s and the
 * process's peak RSS in bench/results/csv-import.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { migrateDatabase } from '../../db/migrate';
import { createSwitchboard } from '../../server/app';
import { parseEnv } from '../../server/config/env';
import { createLogger } from '../../server/logger';

const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const here = path.dirname(fileURLToPath(import.meta.url));
const TOKEN = 'bench-import-token';

export interface ImportRun {
  kind: 'customers' | 'orders';
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  processedRows: number;
  failedRows: number;
  peakRssMb: number;
}

function* customerLines(rows: number): Generator<string> {
  yield 'external_id,name,phones,email,tags,timezone,locale,team\n';
  for (let i = 1; i <= rows; i++) {
    const phone = `+1415${String(2000000 + (i % 7999999)).padStart(7, '0')}`;
    // Every 1,000th row is bad (no name) so the error path is part of the measurement.
    const name = i % 1000 === 0 ? '' : `Customer ${i}`;
    yield `bench-${i},${name},${phone},c${i}@example.test,bench;import,America/New_York,en,Team ${i % 10}\n`;
  }
}

function* orderLines(rows: number): Generator<string> {
  yield 'external_id,customer_external_id,total,currency,status,placed_at,margin\n';
  const start = Date.UTC(2025, 0, 1);
  for (let i = 1; i <= rows; i++) {
    yield `bench-o${i},bench-${i},${(i % 997) + 0.5},USD,delivered,${new Date(start + (i % 300) * 86_400_000).toISOString()},${i % 50}\n`;
  }
}

/** Joins generated lines into ~64 KB chunks so the HTTP body is streamed, not built in memory. */
function chunked(lines: Generator<string>): Readable {
  return Readable.from(
    (function* () {
      let buf = '';
      for (const line of lines) {
        buf += line;
        if (buf.length >= 65536) {
          yield buf;
          buf = '';
        }
      }
      if (buf) yield buf;
    })(),
  );
}

async function freshDatabase(name: string): Promise<string> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  return url.toString();
}

export async function csvImportBench(rows = 1_000_000): Promise<ImportRun[]> {
  const url = await freshDatabase(`sb_bench_import_${rows}`);
  const config = parseEnv({ DATABASE_URL: url, API_TOKEN: TOKEN, HOST: '127.0.0.1', PORT: '0', REDIS_PREFIX: `sb-bench-import-${Date.now()}`, LOG_LEVEL: 'warn', WORKERS: 'off' });
  const sb = await createSwitchboard(config, { console: false, workers: false, logger: createLogger('warn') });
  const base = await sb.listen();
  const runs: ImportRun[] = [];
  try {
    for (const kind of ['customers', 'orders'] as const) {
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
      let bytes = 0;
      const body = chunked(kind === 'customers' ? customerLines(rows) : orderLines(rows));
      body.on('data', (c: string) => (bytes += Buffer.byteLength(c)));
      const t0 = performance.now();
      const res = await fetch(`${base}/api/imports/${kind}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${TOKEN}` },
        body: Readable.toWeb(body) as ReadableStream,
        duplex: 'half',
      } as RequestInit);
      const summary = (await res.json()) as { processedRows: number; failedRows: number };
      const seconds = (performance.now() - t0) / 1000;
      clearInterval(sampler);
      const run: ImportRun = {
        kind, rows, bytes, seconds: Math.round(seconds * 10) / 10, rowsPerSecond: Math.round(rows / seconds),
        processedRows: summary.processedRows, failedRows: summary.failedRows, peakRssMb: Math.round(peak / 1048576),
      };
      console.log(`  ${kind}: ${rows} rows (${(bytes / 1048576).toFixed(0)} MB) in ${run.seconds} s = ${run.rowsPerSecond} rows/s, peak RSS ${run.peakRssMb} MB, ok ${run.processedRows}, rejected ${run.failedRows}`);
      runs.push(run);
    }
  } finally {
    await sb.close();
  }
  const out = path.join(here, '..', 'results', 'csv-import.json');
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify({ at: new Date().toISOString(), runs }, null, 2)}\n`);
  return runs;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const i = process.argv.indexOf('--rows');
  csvImportBench(i >= 0 ? Number(process.argv[i + 1]) : 1_000_000).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
