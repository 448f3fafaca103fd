import type postgres from 'postgres';
import type { NormalisedCallEvent } from '../../telephony/types';
import type { CallState } from '../realtime/events';
import { applyCallEvent, type CallTransition } from './call-state-machine';
import type { CallRow } from './call-row';
import { findAgentByHint } from './find-agent-by-hint';
import type { RecentCalls } from './recent-calls';

export interface AppliedCallEvent {
  call: CallRow;
  previousState: CallState | null;
  created: boolean;
  transition: CallTransition;
  /** The stored provider event was marked processed in the same statement as the call write. */
  eventMarked: boolean;
}

type Sql = postgres.Sql | postgres.TransactionSql;

/**
 * Applies one normalised provider event to its call, creating the call on the first event seen
 * (whatever its kind: a hang-up may arrive before the ringing). Two processes handling two events
 * of one call apply them one after the other: a compare-and-set update on what the transition was
 * computed from, and when another write came first, the row locked and the event applied again.
 * With `storedEventId`, the call write also marks that provider event processed (one round trip).
 * With `recent`, the row this process last saw stands in for the read (see RecentCalls).
 */
export async function applyEventToCall(
  sql: postgres.Sql,
  event: NormalisedCallEvent,
  numbers: { from: string; to: string },
  storedEventId?: number,
  recent?: RecentCalls,
): Promise<AppliedCallEvent> {
  const applied = await applyOnce(sql, event, numbers, storedEventId, recent);
  recent?.remember(applied.call);
  return applied;
}

async function applyOnce(
  sql: postgres.Sql,
  event: NormalisedCallEvent,
  numbers: { from: string; to: string },
  storedEventId: number | undefined,
  recent: RecentCalls | undefined,
): Promise<AppliedCallEvent> {
  const values = sql`(${event.provider}, ${event.providerCallId}, ${event.direction}, ${numbers.from}, ${numbers.to}, 'ringing', ${event.occurredAt}, ${event.kind === 'ringing' ? (event.seq ?? -1) : -1})`;
  const insert = (q: Sql) => q<CallRow[]>`
    insert into calls (provider, provider_call_id, direction, from_number, to_number, state, started_at, last_seq)
    values ${values}
    on conflict (provider, provider_call_id) do nothing
    returning *`;
  const lock = (tx: postgres.TransactionSql) => tx<CallRow[]>`
    select * from calls where provider = ${event.provider} and provider_call_id = ${event.providerCallId} for update`;

  // Fast path, one round trip: the first event of a new call (almost always its ringing) inserts it.
  if (event.kind === 'ringing') {
    const inserted = storedEventId === undefined
      ? await insert(sql)
      : await sql<CallRow[]>`
          with c as (
            insert into calls (provider, provider_call_id, direction, from_number, to_number, state, started_at, last_seq)
            values ${values}
            on conflict (provider, provider_call_id) do nothing
            returning *
          ), marked as (
            update provider_events set processed_at = ${new Date()}, call_id = c.id, error = null from c where provider_events.id = ${storedEventId}
          )
          select * from c`;
    if (inserted[0]) return { call: inserted[0], previousState: null, created: true, transition: { state: 'ringing', changed: false }, eventMarked: storedEventId !== undefined };
  }

  // Optimistic path, two round trips (one with a remembered row) and no transaction: read,
  // decide, compare-and-set. A remembered row that turns out stale is read afresh once.
  const read = async () => (await sql<CallRow[]>`select * from calls where provider = ${event.provider} and provider_call_id = ${event.providerCallId}`)[0];
  const remembered = recent?.get(event.provider, event.providerCallId);
  for (const source of remembered ? (['remembered', 'read'] as const) : (['read'] as const)) {
    const seen = source === 'remembered' ? remembered : await read();
    if (!seen) break;
    const decided = await decide(sql, seen, event);
    if (decided === 'unchanged') {
      // "Nothing to do" decided on a remembered row could be stale: only a read row may say so.
      if (source === 'remembered') continue;
      return { call: seen, previousState: seen.state, created: false, transition: { state: seen.state, changed: false }, eventMarked: false };
    }
    const [updated] = await update(sql, seen, decided, storedEventId);
    if (updated) return { call: updated, previousState: seen.state, created: false, transition: decided.transition, eventMarked: storedEventId !== undefined };
    // Another write of this call came in between (or the remembered row was stale): try again.
  }
  // Still losing races: apply it under the row lock.

  return sql.begin(async (tx) => {
    // One that comes before any ringing creates the call here, inside the transaction, holding its lock.
    let created = false;
    let call = (await lock(tx))[0];
    if (!call && event.kind !== 'ringing') {
      call = (await insert(tx))[0];
      created = call !== undefined;
      call ??= (await lock(tx))[0]; // another process created it meanwhile
    }
    if (!call) throw new Error(`call ${event.provider}/${event.providerCallId} vanished`);
    const decided = await decide(tx, call, event);
    if (decided === 'unchanged') return { call, previousState: created ? null : call.state, created, transition: { state: call.state, changed: false }, eventMarked: false };
    const [updated] = await update(tx, call, decided);
    return { call: updated!, previousState: created ? null : call.state, created, transition: decided.transition, eventMarked: false };
  });
}

interface Decision {
  transition: CallTransition;
  seq: number;
  answeredBy: string | null;
  cause: string | null;
}

/** The state machine on the row as read; 'unchanged' when nothing is to be written. */
async function decide(sql: Sql, call: CallRow, event: NormalisedCallEvent): Promise<Decision | 'unchanged'> {
  const beforeEnd = event.seq !== undefined && call.ended_at !== null ? event.seq < call.last_seq : undefined;
  const transition = applyCallEvent(
    { state: call.state, answeredAt: call.answered_at, endedAt: call.ended_at, offered: !(call.queued_at && !call.offered_agent_id) },
    event.kind,
    event.occurredAt,
    { beforeEnd },
  );
  const seq = event.seq ?? -1;
  if (!transition.changed && seq <= call.last_seq) return 'unchanged';
  const answeredBy = transition.answeredAt
    ? ((event.agentHint ? await findAgentByHint(sql, event.agentHint) : null) ?? call.offered_agent_id)
    : null;
  return { transition, seq, answeredBy, cause: transition.endedAt ? (event.cause ?? null) : null };
}

/**
 * Writes the decision. Guarded by what it was decided from (state, sequence, queued or offered:
 * answered and ended times only change with the state), so a row changed since it was read is
 * not overwritten: no row comes back and the caller retries under the lock.
 */
function update(sql: Sql, call: CallRow, { transition, seq, answeredBy, cause }: Decision, storedEventId?: number) {
  return sql<CallRow[]>`
    with u as (
      update calls set
        state = ${transition.state},
        answered_at = coalesce(${transition.answeredAt ?? null}, answered_at),
        answered_agent_id = coalesce(${answeredBy}, answered_agent_id),
        ended_at = coalesce(${transition.endedAt ?? null}, ended_at),
        end_cause = coalesce(${cause}, end_cause),
        last_seq = greatest(last_seq, ${seq})
      where id = ${call.id} and state = ${call.state} and last_seq = ${call.last_seq}
        and (queued_at is null) = ${call.queued_at === null} and offered_agent_id is not distinct from ${call.offered_agent_id}::uuid
      returning *
    )${storedEventId === undefined ? sql`` : sql`, marked as (
      update provider_events set processed_at = ${new Date()}, call_id = ${call.id}, error = null
      where id = ${storedEventId} and exists (select 1 from u)
    )`}
    select * from u`;
}
