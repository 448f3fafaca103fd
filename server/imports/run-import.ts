import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError } from 'csv-parse';
import type { AppContext } from '../context';
import { IMPORT_COLUMNS, parseCustomerRow, parseOrderRow, type CustomerImportRow, type ImportKind, type OrderImportRow } from './import-rows';
import { recordBytesRead } from './import-progress';
import { customerColumnsOf, TeamCache, writeCustomerBatch } from './write-customer-batch';
import { writeOrderBatch } from './write-order-batch';

// 2,000 rows per transaction: ~50 ms of work, so progress moves several times a second and a
// batch that must be retried row by row stays cheap.
const BATCH_ROWS = 2000;
const MAX_RAW_CHARS = 2000;

export interface ImportError {
  rowNumber: number;
  error: string;
  raw: string | null;
}

export interface RunImportOptions {
  id: string;
  kind: ImportKind;
  /** Stop reading beyond this many bytes (the route's limit; a custom parser gets no bodyLimit check). */
  maxBytes: number;
}

export interface ImportSummary {
  id: string;
  status: 'done' | 'failed';
  processedRows: number;
  failedRows: number;
  bytesRead: number;
  error?: string;
}

type Pending<T> = { line: number; raw: string; row: T };

/**
 * Streams a CSV through csv-parse into batched upserts: memory stays flat whatever the file size
 * (backpressure: the parser is only read when the previous batch is written). A bad row is
 * recorded in import_errors with its line and text while the good rows go in.
 */
export async function runImport(ctx: AppContext, body: Readable, options: RunImportOptions): Promise<ImportSummary> {
  const { id, kind } = options;
  const sql = ctx.database.sql;
  const region = ctx.config.DEFAULT_REGION;
  const teams = new TeamCache(sql);
  let bytesRead = 0;
  let processed = 0;
  let failed = 0;
  let ordersChanged = 0;
  let header: string[] | null = null;
  let errors: ImportError[] = [];
  let customersBatch: Pending<CustomerImportRow>[] = [];
  let ordersBatch: Pending<OrderImportRow>[] = [];

  const fail = (line: number, error: string, raw: string | null) => {
    failed += 1;
    errors.push({ rowNumber: line, error, raw: raw === null ? null : raw.replace(/\r?\n$/, '').slice(0, MAX_RAW_CHARS) });
  };

  const flushErrors = async () => {
    if (!errors.length) return;
    const batch = errors;
    errors = [];
    await sql`insert into import_errors ${sql(batch.map((e) => ({ import_id: id, row_number: e.rowNumber, error: e.error, raw: e.raw })))}`;
  };

  /** Writes a batch; when the batch as a whole fails, row by row, so one bad row costs only itself. */
  async function writeBatch<T>(batch: Pending<T>[], write: (rows: T[]) => Promise<number[]>): Promise<void> {
    try {
      const rejected = new Set(await write(batch.map((p) => p.row)));
      for (const i of rejected) fail(batch[i]!.line, 'unknown customer_external_id', batch[i]!.raw);
      processed += batch.length - rejected.size;
    } catch {
      for (const p of batch) {
        try {
          const rejected = await write([p.row]);
          if (rejected.length) fail(p.line, 'unknown customer_external_id', p.raw);
          else processed += 1;
        } catch (err) {
          fail(p.line, `rejected by the database: ${(err as Error).message}`, p.raw);
        }
      }
    }
  }

  const flush = async () => {
    if (customersBatch.length) {
      const batch = customersBatch;
      customersBatch = [];
      await writeBatch(batch, async (rows) => {
        await writeCustomerBatch(sql, teams, rows, customerColumnsOf(header ?? []));
        return [];
      });
    }
    if (ordersBatch.length) {
      const batch = ordersBatch;
      ordersBatch = [];
      await writeBatch(batch, async (rows) => {
        const result = await writeOrderBatch(sql, rows, header?.includes('margin') ?? false);
        ordersChanged += result.changed;
        return result.unknownCustomer;
      });
    }
    await flushErrors();
    await sql`update imports set processed_rows = ${processed}, failed_rows = ${failed} where id = ${id}`;
    await recordBytesRead(ctx.redis, ctx.config.REDIS_PREFIX, id, bytesRead).catch(() => {});
  };

  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytesRead += chunk.length;
      if (bytesRead > options.maxBytes) done(new Error(`the file is larger than ${options.maxBytes} bytes`));
      else done(null, chunk);
    },
  });
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    raw: true,
    info: true,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined, raw: string | undefined) => {
      fail(Number((err as { lines?: number } | undefined)?.lines ?? 0), `unreadable CSV: ${err?.message ?? 'malformed row'}`, raw ?? null);
      return undefined;
    },
  });

  const consume = async (records: AsyncIterable<{ record: string[]; raw: string; info: { lines: number } }>) => {
    for await (const { record, raw, info } of records) {
      if (!header) {
        header = record.map((h) => h.trim().toLowerCase());
        const missing = IMPORT_COLUMNS[kind].required.filter((c) => !header!.includes(c));
        if (missing.length) throw new Error(`missing column(s): ${missing.join(', ')}`);
        continue;
      }
      if (record.length !== header.length) {
        fail(info.lines, `expected ${header.length} fields, found ${record.length}`, raw);
      } else {
        const fields: Record<string, string> = {};
        header.forEach((h, i) => (fields[h] = record[i]!));
        if (kind === 'customers') {
          const r = parseCustomerRow(fields, region);
          if (r.ok) customersBatch.push({ line: info.lines, raw, row: r.row });
          else fail(info.lines, r.error, raw);
        } else {
          const r = parseOrderRow(fields);
          if (r.ok) ordersBatch.push({ line: info.lines, raw, row: r.row });
          else fail(info.lines, r.error, raw);
        }
      }
      if (customersBatch.length + ordersBatch.length + errors.length >= BATCH_ROWS) await flush();
    }
    await flush();
  };

  let error: string | undefined;
  try {
    await pipeline(body, counter, parser, consume);
    if (!header) throw new Error('the file is empty: a header row is required');
  } catch (err) {
    error = (err as Error).message;
    await flush().catch(() => {});
    // The file-level error is listed with the row errors (line 0 = the file), not counted as a row.
    errors.push({ rowNumber: header ? 0 : 1, error, raw: null });
    await flushErrors().catch(() => {});
  }
  const status = error ? 'failed' : 'done';
  await sql`update imports set status = ${status}, processed_rows = ${processed}, failed_rows = ${failed}, finished_at = now() where id = ${id}`;
  await recordBytesRead(ctx.redis, ctx.config.REDIS_PREFIX, id, bytesRead).catch(() => {});
  // One full value run rather than a recompute job per order: a million imported orders would be a million jobs.
  // A job id of its own: a run already under way may have read its orders before this import wrote them
  // (runs queue behind one another, and calls while one waits share it, so imports in a row stay cheap).
  if (ordersChanged > 0) {
    await ctx.jobs.enqueue('customers.nightly-value', {}, { jobId: `value-import-${id}`, removeOnComplete: true, removeOnFail: 100, attempts: 3 }).catch((err: unknown) => {
      ctx.logger.warn({ err, importId: id }, 'could not queue the value recompute after an import; the nightly run will catch up');
    });
  }
  ctx.logger.info({ event: 'import.finished', importId: id, kind, status, processed, failed, bytesRead }, 'import finished');
  return { id, status, processedRows: processed, failedRows: failed, bytesRead, ...(error && { error }) };
}
