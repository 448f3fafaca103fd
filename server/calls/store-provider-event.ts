import { createHash } from 'node:crypto';
import type postgres from 'postgres';
import type { ProviderName } from '../../telephony/types';

export interface StoredEvent {
  id: number;
  /** Seen before and already applied: answer 200 and change nothing. */
  duplicate: boolean;
}

/**
 * Stores the raw webhook before anything else happens (and before it is answered). The unique
 * (provider, event_key) makes a repeat delivery a no-op; a repeat of one whose processing failed
 * is handed back for another try.
 */
export async function storeProviderEvent(sql: postgres.Sql, provider: ProviderName, eventKey: string, payload: unknown): Promise<StoredEvent> {
  const [row] = await sql<Array<{ id: string; inserted: boolean; processed: boolean }>>`
    with ins as (
      insert into provider_events (provider, event_key, payload)
      values (${provider}, ${eventKey}, ${JSON.stringify(payload)}::jsonb)
      on conflict (provider, event_key) do nothing
      returning id
    )
    select id, true as inserted, false as processed from ins
    union all
    select id, false, processed_at is not null from provider_events
    where provider = ${provider} and event_key = ${eventKey} and not exists (select 1 from ins)`;
  return { id: Number(row!.id), duplicate: !row!.inserted && row!.processed };
}

export async function markProcessed(sql: postgres.Sql, id: number, callId: string | null, error?: string): Promise<void> {
  await sql`update provider_events set processed_at = ${error ? null : new Date()}, call_id = ${callId}, error = ${error ?? null} where id = ${id}`;
}

/** A key for a webhook that maps to no call event (e.g. Telnyx call.bridged), so it is still stored once. */
export const bodyKey = (rawBody: string) => `body:${createHash('sha256').update(rawBody).digest('hex')}`;
