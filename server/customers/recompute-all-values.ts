import type { AppContext } from '../context';
import { clearLapsed, purchaseFilter, streamAggregates, writeValues } from './recompute-value-store';
import { BreakpointAccumulator } from './value/breakpoint-accumulator';
import { readBreakpoints, readRfmConfig, writeBreakpoints } from './rfm-settings-store';
import { isDeepStrictEqual } from 'node:util';
import type { StoredBreakpoints } from './value/rfm-config';
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
export function recomputeAllValues(ctx: AppContext, now?: Date, batchSize = BATCH_SIZE): Promise<RecomputeAllResult> {
  // One full run at a time across every process: two settings saves in a row, or a save during the
  // nightly run, would otherwise race, and the run that read the older settings could finish last.
  // A run queued behind another reads the settings, and the clock, when it starts. Within a process
  // at most one run waits: a call while one is waiting shares its result (ten saves in a row make
  // two runs, not ten), and at most one pool connection per process waits for the database lock.
  const slot = fullRuns.get(ctx.database) ?? {};
  fullRuns.set(ctx.database, slot);
  if (slot.waiting) return slot.waiting;
  const waiting = (slot.running ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => {
      slot.waiting = undefined;
      const running = withFullRunLock(ctx, () => recomputeAllValuesLocked(ctx, now ?? new Date(), batchSize));
      slot.running = running;
      return running;
    });
  slot.waiting = waiting;
  return waiting;
}

interface FullRunSlot {
  running?: Promise<RecomputeAllResult>;
  waiting?: Promise<RecomputeAllResult>;
}
const fullRuns = new WeakMap<object, FullRunSlot>();

// pg_advisory_lock(int, int): a key space of its own, apart from the single-key hashtext() locks.
const LOCK_CLASS = 0x5b0a; // "sb" value runs
const FULL_RUN_LOCK_ID = 1;

async function withFullRunLock<T>(ctx: AppContext, work: () => Promise<T>): Promise<T> {
  const lock = await ctx.database.sql.reserve();
  try {
    await lock`select pg_advisory_lock(${LOCK_CLASS}::int, ${FULL_RUN_LOCK_ID}::int)`;
    try {
      return await work();
    } finally {
      await lock`select pg_advisory_unlock(${LOCK_CLASS}::int, ${FULL_RUN_LOCK_ID}::int)`;
    }
  } finally {
    lock.release();
  }
}

/** For tests: what another process holding the full-run lock would run. */
export const FULL_RUN_LOCK_SQL = { lock: `select pg_advisory_lock(${LOCK_CLASS}, ${FULL_RUN_LOCK_ID})`, unlock: `select pg_advisory_unlock(${LOCK_CLASS}, ${FULL_RUN_LOCK_ID})` };

async function recomputeAllValuesLocked(ctx: AppContext, now: Date, batchSize: number): Promise<RecomputeAllResult> {
  const started = Date.now();
  const sql = ctx.database.sql;
  const [config, previous] = await Promise.all([readRfmConfig(sql), readBreakpoints(sql)]);
  // Moves caused by new rules (a first run, or other settings than the last run's) are not customers changing.
  const cause = previous?.config && isDeepStrictEqual(previous.config, config) ? 'purchases' : 'rules';
  const windowStart = valueWindowStart(now, config.windowDays);
  const filter = purchaseFilter(config, windowStart);

  const accumulator = new BreakpointAccumulator(now, config.windowDays);
  await streamAggregates(sql, filter, batchSize, (batch) => {
    for (const aggregate of batch) accumulator.add(aggregate);
  });
  const breakpoints: StoredBreakpoints = { ...accumulator.result(), computedAt: now.toISOString(), config };

  let changed = 0;
  let segmentChanges = 0;
  const nowMs = now.getTime();
  const startMs = windowStart.getTime();
  await streamAggregates(sql, filter, batchSize, async (batch) => {
    const values: CustomerValue[] = batch.map((a) => scoreAt(a, breakpoints, nowMs, startMs, config.thresholds));
    const written = await writeValues(sql, values, now, cause);
    changed += written.changed;
    segmentChanges += written.segmentChanges;
  });
  const cleared = await clearLapsed(sql, windowStart, config.excludedStatuses, now, cause);
  // Stored last: per-order rescoring keeps using the previous cuts until this run has finished.
  await writeBreakpoints(sql, breakpoints);
  const result = { population: breakpoints.population, changed, segmentChanges, cleared, elapsedMs: Date.now() - started, breakpoints };
  ctx.logger.info({ ...result, breakpoints: undefined, event: 'customers.nightly-value.done' }, 'customer values recomputed');
  return result;
}

export const recomputeAllValuesJob = (ctx: AppContext) => recomputeAllValues(ctx).then(() => undefined);
