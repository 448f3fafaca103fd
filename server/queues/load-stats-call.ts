import type postgres from 'postgres';
import type { StatsCallRow } from './call-contribution';
import type { CallRow } from '../calls/call-row';

type Row = {
  id: string;
  queue_id: string | null;
  state: StatsCallRow['state'];
  started_at: Date;
  queued_at: Date | null;
  answered_at: Date | null;
  ended_at: Date | null;
  wrapped_up_at: Date | null;
};

/** The columns queue figures need, from a stats read or a full call row (as call writes return it). */
export const statsRowOf = (r: Row | CallRow): StatsCallRow => ({
  id: r.id,
  queueId: r.queue_id,
  state: r.state,
  startedAt: r.started_at,
  queuedAt: r.queued_at,
  answeredAt: r.answered_at,
  endedAt: r.ended_at,
  wrappedUpAt: r.wrapped_up_at,
});

/** The call as it is now (the database is the truth, whatever order the events came in). */
export async function loadStatsCall(sql: postgres.Sql, callId: string): Promise<StatsCallRow | null> {
  const [row] = await sql<Row[]>`
    select id, queue_id, state, started_at, queued_at, answered_at, ended_at, wrapped_up_at from calls where id = ${callId}`;
  return row ? statsRowOf(row) : null;
}

/** Routed calls started since `since`, in batches (for rebuilding the counters). */
export async function forEachStatsCallSince(sql: postgres.Sql, since: Date, batch: (rows: StatsCallRow[]) => Promise<void>): Promise<number> {
  let count = 0;
  await sql<Row[]>`
    select id, queue_id, state, started_at, queued_at, answered_at, ended_at, wrapped_up_at from calls
    where queue_id is not null and started_at >= ${since}`
    .cursor(1000, async (rows) => {
      count += rows.length;
      await batch(rows.map(statsRowOf));
    });
  return count;
}
