/**
 * CSV import rate and server memory at scale:
 *   `npx tsx bench/scenarios/csv-import.ts [--rows 1000000] [--heap-mb 256]`.
 * Starts the server in its own process (bench/server-entry.ts, V8 old space capped at --heap-mb so
 * a leak would crash it rather than hide in a big heap) against a fresh `sb_bench_import_<rows>`
 * database, streams a generated customers CSV and then an orders CSV (one order per customer)
 * through POST /api/imports/{kind} without ever holding the file, and samples the *server's*
 * resident set from /proc every 100 ms: peak, and RSS at each tenth of the rows written, to show whether
 * memory grows with rows. Then both files go in again: re-import is idempotent, so that pass must
 * write no row (counted from updated_at). Results go to bench/results/csv-import-<rows>.json.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { migrateDatabase } from '../../db/migrate';
import { loadAverage, machine, rssBytes } from '../lib/proc-stats';
import { spawnServer } from '../lib/spawn-server';

const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const here = path.dirname(fileURLToPath(import.meta.url));
const TOKEN = 'bench-import-token';
const MB = 1048576;

export interface ImportRun {
  kind: 'customers' | 'orders';
  /** The second pass sends the same file again: idempotent, so it must change nothing. */
  pass: 'first' | 'again';
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  processedRows: number;
  failedRows: number;
  /** The server process's resident set: before the upload, highest seen, and at each 10 % of the rows written. */
  serverRssMb: { before: number; peak: number; byTenth: number[] };
  loadAverage: number;
  /** Rows of the table written (inserted or updated) during this pass, read from PostgreSQL. */
  rowsWritten: number;
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

/** Bytes of the generated file, counted by generating it once (cheap next to the import). */
function fileBytes(lines: Generator<string>): number {
  let n = 0;
  for (const line of lines) n += Buffer.byteLength(line);
  return n;
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

export async function csvImportBench(rows = 1_000_000, heapMb = 256): Promise<ImportRun[]> {
  const url = await freshDatabase(`sb_bench_import_${rows}`);
  const server = await spawnServer(
    { DATABASE_URL: url, API_TOKEN: TOKEN, REDIS_PREFIX: `sb-bench-import-${Date.now()}`, WORKERS: 'off', CONSOLE: 'off' },
    { nodeArgs: [`--max-old-space-size=${heapMb}`] },
  );
  const runs: ImportRun[] = [];
  try {
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    const phases = [['customers', 'first'], ['orders', 'first'], ['customers', 'again'], ['orders', 'again']] as const;
    for (const [kind, pass] of phases) {
      const [{ at: passStart }] = (await sql`select now() as at`) as unknown as [{ at: Date }];
      const lines = () => (kind === 'customers' ? customerLines(rows) : orderLines(rows));
      const total = fileBytes(lines());
      const before = await rssBytes(server.pid);
      let peak = before;
      let rss = before;
      const sampler = setInterval(() => {
        rssBytes(server.pid).then((v) => ((rss = v), (peak = Math.max(peak, v))), () => {});
      }, 100);
      // RSS at each tenth of the rows the *server* has written, read from its own progress API.
      const id = crypto.randomUUID();
      const byTenth: number[] = [];
      const progress = setInterval(() => {
        fetch(`${server.url}/api/imports/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } })
          .then((r) => (r.ok ? (r.json() as Promise<{ processedRows: number; failedRows: number }>) : null))
          .then((s) => {
            const done = s ? s.processedRows + s.failedRows : 0;
            while (byTenth.length < 9 && done >= (rows * (byTenth.length + 1)) / 10) byTenth.push(Math.round(rss / MB));
          }, () => {});
      }, 250);
      const body = chunked(lines());
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/imports/${kind}?id=${id}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${TOKEN}`, 'content-length': String(total) },
        body: Readable.toWeb(body) as ReadableStream,
        duplex: 'half',
      } as RequestInit);
      const summary = (await res.json()) as { processedRows: number; failedRows: number; error?: string };
      const seconds = (performance.now() - t0) / 1000;
      clearInterval(sampler);
      clearInterval(progress);
      byTenth.push(Math.round(rss / MB));
      if (!res.ok) throw new Error(`import of ${kind} answered ${res.status}: ${summary.error ?? ''}`);
      const table = kind === 'customers' ? sql`customers` : sql`orders`;
      const [{ n: rowsWritten }] = (await sql`select count(*)::int as n from ${table} where updated_at >= ${passStart}`) as unknown as [{ n: number }];
      const run: ImportRun = {
        kind, pass, rowsWritten, rows, bytes: total, seconds: Math.round(seconds * 10) / 10, rowsPerSecond: Math.round(rows / seconds),
        processedRows: summary.processedRows, failedRows: summary.failedRows,
        serverRssMb: { before: Math.round(before / MB), peak: Math.round(peak / MB), byTenth },
        loadAverage: loadAverage(),
      };
      console.log(
        `  ${kind} (${pass}): ${rows} rows (${(total / MB).toFixed(0)} MB) in ${run.seconds} s = ${run.rowsPerSecond} rows/s, ok ${run.processedRows}, rejected ${run.failedRows}, rows written ${rowsWritten}; ` +
          `server RSS ${run.serverRssMb.before} MB before, peak ${run.serverRssMb.peak} MB, by tenth ${byTenth.join(' ')}`,
      );
      runs.push(run);
    }
    await sql.end();
    const status = await readFile(`/proc/${server.pid}/status`, 'utf8');
    console.log(`  server VmHWM (kernel's lifetime peak RSS): ${/VmHWM:\s+(\d+)/.exec(status)?.[1]} kB, heap cap ${heapMb} MB`);
  } finally {
    await server.stop();
  }
  const out = path.join(here, '..', 'results', `csv-import-${rows}.json`);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify({ at: new Date().toISOString(), command: `npx tsx bench/scenarios/csv-import.ts --rows ${rows} --heap-mb ${heapMb}`, machine: machine(), heapMb, runs }, null, 2)}\n`);
  return runs;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const flag = (name: string, d: number) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : d;
  };
  csvImportBench(flag('--rows', 1_000_000), flag('--heap-mb', 256)).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
