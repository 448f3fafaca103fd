import type postgres from 'postgres';
import type { NormalisedCallEvent } from '../../telephony/types';
import type { CallState } from '../realtime/events';
import { applyCallEvent, type CallTransition } from './call-state-machine';
import type { CallRow } from './call-row';
import { findAgentByHint } from './find-agent-by-hint';

export interface AppliedCallEvent {
  call: CallRow;
  previousState: CallState | null;
  created: boolean;
  transition: CallTransition;
}

/**
 * Applies one normalised provider event to its call inside a transaction, creating the call on
 * the first event seen (whatever its kind: a hang-up may arrive before the ringing). The row is
 * locked so two processes handling two events of one call apply them one after the other.
 */
export async function applyEventToCall(
  sql: postgres.Sql,
  event: NormalisedCallEvent,
  numbers: { from: string; to: string },
): Promise<AppliedCallEvent> {
  const insert = (q: postgres.Sql | postgres.TransactionSql) => q<CallRow[]>`
    insert into calls (provider, provider_call_id, direction, from_number, to_number, state, started_at, last_seq)
    values (${event.provider}, ${event.providerCallId}, ${event.direction}, ${numbers.from}, ${numbers.to}, 'ringing', ${event.occurredAt}, ${event.kind === 'ringing' ? (event.seq ?? -1) : -1})
    on conflict (provider, provider_call_id) do nothing
    returning *`;
  const lock = (tx: postgres.TransactionSql) => tx<CallRow[]>`
    select * from calls where provider = ${event.provider} and provider_call_id = ${event.providerCallId} for update`;
  // Fast path, one round trip: the first event of a new call (almost always its ringing) inserts it.
  let created = false;
  if (event.kind === 'ringing') {
    const inserted = await insert(sql);
    if (inserted[0]) return { call: inserted[0], previousState: null, created: true, transition: { state: 'ringing', changed: false } };
  }
  return sql.begin(async (tx) => {
    // Later events find their call (one round trip less than trying the insert first); one that
    // comes before any ringing creates it here, inside the transaction, and holds its lock.
    let call = (await lock(tx))[0];
    if (!call && event.kind !== 'ringing') {
      call = (await insert(tx))[0];
      created = call !== undefined;
      call ??= (await lock(tx))[0]; // another process created it meanwhile
    }
    if (!call) throw new Error(`call ${event.provider}/${event.providerCallId} vanished`);
    const beforeEnd = event.seq !== undefined && call.ended_at !== null ? event.seq < call.last_seq : undefined;
    const transition = applyCallEvent(
      { state: call.state, answeredAt: call.answered_at, endedAt: call.ended_at, offered: !(call.queued_at && !call.offered_agent_id) },
      event.kind,
      event.occurredAt,
      { beforeEnd },
    );
    const seq = event.seq ?? -1;
    if (!transition.changed && seq <= call.last_seq) return { call, previousState: created ? null : call.state, created, transition };

    const answeredBy = transition.answeredAt
      ? ((event.agentHint ? await findAgentByHint(tx, event.agentHint) : null) ?? call.offered_agent_id)
      : null;
    const [updated] = await tx<CallRow[]>`
      update calls set
        state = ${transition.state},
        answered_at = coalesce(${transition.answeredAt ?? null}, answered_at),
        answered_agent_id = coalesce(${answeredBy}, answered_agent_id),
        ended_at = coalesce(${transition.endedAt ?? null}, ended_at),
        end_cause = coalesce(${transition.endedAt ? (event.cause ?? null) : null}, end_cause),
        last_seq = greatest(last_seq, ${seq})
      where id = ${call.id}
      returning *`;
    return { call: updated!, previousState: created ? null : call.state, created, transition };
  });
}
