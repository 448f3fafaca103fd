import type { AppContext } from '../context';
import { clearLapsed, streamAggregates, writeValues } from './recompute-value-store';
import { BreakpointAccumulator } from './value/breakpoint-accumulator';
import { readRfmConfig, writeBreakpoints, type StoredBreakpoints } from './value/rfm-settings';
import { scoreAt } from './value/score-one';
import { valueWindowStart } from './value/value-window';
import type { CustomerValue } from './value/customer-value-types';

// 5,000 rows per cursor fetch and per UPDATE: one round trip amortised over many rows, and a
// batch small enough that the process never holds more than a few MB of customers at once.
const BATCH_SIZE = 5000;

export interface RecomputeAllResult {
  population: number;
  changed: number;
  segmentChanges: number;
  cleared: number;
  elapsedMs: number;
  breakpoints: StoredBreakpoints;
}

/**
 * Everyone's scores and segments (the nightly run) = scoreAll, streamed. Two passes over one GROUP BY:
 * the first keeps five numbers per customer to find the quintile cuts (BreakpointAccumulator gives
 * what computeBreakpoints gives); the second scores each batch as it arrives (scoreAt, as scoreAll
 * does) and writes it. Memory is O(customers × 40 bytes), never a million objects.
 */
export async function recomputeAllValues(ctx: AppContext, now = new Date(), batchSize = BATCH_SIZE): Promise<RecomputeAllResult> {
  // One full run at a time across every process: two settings saves in a row, or a save during the
  // nightly run, would otherwise race, and the run that read the older settings could finish last.
  // A later run waits, then reads the settings in force when it starts. Within a process runs queue
  // on a promise, so at most one pool connection per process is held waiting for the database lock.
  const previous = localQueue.get(ctx.database) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => withFullRunLock(ctx, () => recomputeAllValuesLocked(ctx, now, batchSize)));
  localQueue.set(ctx.database, run);
  return run;
}

export const FULL_RUN_LOCK = 'customer-value:full-run';
const localQueue = new WeakMap<object, Promise<unknown>>();

async function withFullRunLock<T>(ctx: AppContext, work: () => Promise<T>): Promise<T> {
  const lock = await ctx.database.sql.reserve();
  try {
    await lock`select pg_advisory_lock(hashtext(${FULL_RUN_LOCK}))`;
    try {
      return await work();
    } finally {
      await lock`select pg_advisory_unlock(hashtext(${FULL_RUN_LOCK}))`;
    }
  } finally {
    lock.release();
  }
}

async function recomputeAllValuesLocked(ctx: AppContext, now: Date, batchSize: number): Promise<RecomputeAllResult> {
  const started = Date.now();
  const sql = ctx.database.sql;
  const config = await readRfmConfig(sql);
  const windowStart = valueWindowStart(now, config.windowDays);
  const filter = { windowStart, excludedStatuses: config.excludedStatuses, currencyRates: config.currencyRates };

  const accumulator = new BreakpointAccumulator(now, config.windowDays);
  await streamAggregates(sql, filter, batchSize, (batch) => {
    for (const aggregate of batch) accumulator.add(aggregate);
  });
  const breakpoints: StoredBreakpoints = { ...accumulator.result(), computedAt: now.toISOString() };

  let changed = 0;
  let segmentChanges = 0;
  const nowMs = now.getTime();
  const startMs = windowStart.getTime();
  await streamAggregates(sql, filter, batchSize, async (batch) => {
    const values: CustomerValue[] = batch.map((a) => scoreAt(a, breakpoints, nowMs, startMs, config.thresholds));
    const written = await writeValues(sql, values, now);
    changed += written.changed;
    segmentChanges += written.segmentChanges;
  });
  const cleared = await clearLapsed(sql, windowStart, config.excludedStatuses, now);
  // Stored last: per-order rescoring keeps using the previous cuts until this run has finished.
  await writeBreakpoints(sql, breakpoints);
  const result = { population: breakpoints.population, changed, segmentChanges, cleared, elapsedMs: Date.now() - started, breakpoints };
  ctx.logger.info({ ...result, breakpoints: undefined, event: 'customers.nightly-value.done' }, 'customer values recomputed');
  return result;
}

export const recomputeAllValuesJob = (ctx: AppContext) => recomputeAllValues(ctx).then(() => undefined);
