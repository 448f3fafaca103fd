import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEventToCall } from '../../server/calls/apply-call-event';
import { RecentCalls } from '../../server/calls/recent-calls';
import type { CallEventKind, NormalisedCallEvent } from '../../telephony/types';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

let db: TestDatabase;
let sql: postgres.Sql;
const numbers = { from: '+8613800138000', to: '+861065529900' };

beforeAll(async () => {
  db = await createTestDatabase('applycall');
  sql = postgres(db.url, { max: 4, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await db?.drop();
});

const event = (providerCallId: string, kind: CallEventKind, seconds: number, extra: Partial<NormalisedCallEvent> = {}): NormalisedCallEvent => ({
  provider: 'cti', eventKey: `${providerCallId}:${kind}:${seconds}`, providerCallId, kind, direction: 'inbound',
  occurredAt: new Date(Date.UTC(2026, 11, 2, 9, 0, seconds)), from: numbers.from, to: numbers.to, ...extra,
});

describe('applying call events with a remembered row', () => {
  it('skips the read when the remembered row is current', async () => {
    const statements: string[] = [];
    const counted = postgres(db.url, { max: 1, onnotice: () => {}, debug: (_conn, query) => statements.push(query) });
    const id = randomUUID();
    const recent = new RecentCalls();
    await applyEventToCall(counted, event(id, 'ringing', 0), numbers, undefined, recent);
    const answered = await applyEventToCall(counted, event(id, 'answered', 5), numbers, undefined, recent);
    await counted.end();
    expect(statements.filter((q) => q.includes('select * from calls'))).toEqual([]);
    // The insert, then the compare-and-set update (the driver's own type lookup on connect aside).
    expect(statements.filter((q) => !q.includes('pg_catalog'))).toHaveLength(2);
    expect(answered).toMatchObject({ previousState: 'ringing', transition: { changed: true } });
    expect(answered.call.state).toBe('answered');
    expect(recent.get('cti', id)?.state).toBe('answered');
  });

  it('catches a row another process changed meanwhile and applies the event to the fresh one', async () => {
    const id = randomUUID();
    const mine = new RecentCalls();
    await applyEventToCall(sql, event(id, 'ringing', 0), numbers, undefined, mine);
    // Another process (no shared memory) sees the answer.
    await applyEventToCall(sql, event(id, 'answered', 5), numbers, undefined, new RecentCalls());
    expect(mine.get('cti', id)?.state).toBe('ringing');

    const ended = await applyEventToCall(sql, event(id, 'ended', 65, { cause: 'normal_clearing' }), numbers, undefined, mine);
    // Decided from the fresh row: an answered call that ends is completed, not a missed one.
    expect(ended.previousState).toBe('answered');
    expect(ended.call.state).toBe('completed');
    const [row] = await sql<{ state: string; answered_at: Date | null; ended_at: Date | null }[]>`
      select state, answered_at, ended_at from calls where provider = 'cti' and provider_call_id = ${id}`;
    expect(row).toMatchObject({ state: 'completed', answered_at: new Date(Date.UTC(2026, 11, 2, 9, 0, 5)), ended_at: new Date(Date.UTC(2026, 11, 2, 9, 1, 5)) });
  });

  it('answers with the fresh row when a change decided on a stale remembered row loses and the fresh row needs none', async () => {
    const id = randomUUID();
    const mine = new RecentCalls();
    await applyEventToCall(sql, event(id, 'ringing', 0), numbers, undefined, mine);
    const ended = await applyEventToCall(sql, event(id, 'ended', 10, { cause: 'cancel' }), numbers, undefined, mine);
    expect(ended.call.state).not.toBe('ringing');
    // Elsewhere the call is answered before the end was known (a late answer corrects it)…
    const other = new RecentCalls();
    const late = await applyEventToCall(sql, event(id, 'answered', 5), numbers, undefined, other);
    // …and this process, still remembering the ended row, hears the same answer again: it must
    // read the row rather than trust its own copy.
    const again = await applyEventToCall(sql, event(id, 'answered', 5, { eventKey: `${id}:answered:again` }), numbers, undefined, mine);
    const [row] = await sql<{ state: string }[]>`select state from calls where provider = 'cti' and provider_call_id = ${id}`;
    expect(again.call.state).toBe(row!.state);
    expect(again.call.state).toBe(late.call.state);
  });
});
