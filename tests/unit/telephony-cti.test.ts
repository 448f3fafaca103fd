import { describe, expect, it } from 'vitest';
import { ctiAdapter } from '../../telephony/cti/adapter';
import { lowerSnake } from '../../telephony/cti/parse-event';
import { ctiFormBody, ctiRequest } from '../../telephony/cti/fixtures/build';
import type { CtiEventFixture } from '../../telephony/cti/fixtures/build';
import { parseForm } from '../../server/http/body-parsers';
import type { AdapterSecrets, NormalisedCallEvent, WebhookRequest } from '../../telephony/types';
import newCall from '../../telephony/cti/fixtures/new-call.json' with { type: 'json' };
import answer from '../../telephony/cti/fixtures/answer.json' with { type: 'json' };
import hangup from '../../telephony/cti/fixtures/hangup.json' with { type: 'json' };

const TOKEN = 'cti-token-0123456789';
const secrets: AdapterSecrets = { publicBaseUrl: 'https://console.example.test', ctiToken: TOKEN };
const now = new Date('2026-11-22T10:00:00Z');
const call = { callId: 'call-42', from: '4930609854180', to: '4930609811111', direction: 'in' as const };

function events(req: WebhookRequest): NormalisedCallEvent[] {
  const parsed = ctiAdapter.parse(req, now);
  if (!parsed.ok) throw new Error(`parse failed: ${parsed.reason}`);
  return parsed.events;
}

const json = (e: CtiEventFixture) => ctiRequest(e, { token: TOKEN });
const form = (e: CtiEventFixture) => ctiRequest(e, { token: TOKEN, encoding: 'form' });

function rawJson(body: unknown): WebhookRequest {
  return { method: 'POST', pathAndQuery: `/webhooks/cti?token=${TOKEN}`, headers: {}, rawBody: JSON.stringify(body), body, query: { token: TOKEN } };
}

describe('CTI token', () => {
  it('accepts the configured token', () => {
    expect(ctiAdapter.verify(json({ ...call, event: 'newCall' }), secrets, now)).toEqual({ ok: true });
  });

  it('rejects a wrong, missing, repeated-conflicting or unconfigured token with 403', () => {
    const wrong = ctiRequest({ ...call, event: 'newCall' }, { token: 'cti-token-0123456788' });
    expect(ctiAdapter.verify(wrong, secrets, now)).toMatchObject({ ok: false, status: 403 });
    const prefix = ctiRequest({ ...call, event: 'newCall' }, { token: TOKEN.slice(0, 5) });
    expect(ctiAdapter.verify(prefix, secrets, now)).toMatchObject({ ok: false, status: 403 });
    const missing = { ...json({ ...call, event: 'newCall' }), query: {} };
    expect(ctiAdapter.verify(missing, secrets, now)).toMatchObject({ ok: false, status: 403 });
    const repeated = { ...json({ ...call, event: 'newCall' }), query: { token: [TOKEN, 'x'] } };
    expect(ctiAdapter.verify(repeated, secrets, now)).toMatchObject({ ok: false, status: 403 });
    expect(ctiAdapter.verify(json({ ...call, event: 'newCall' }), { publicBaseUrl: 'x' }, now)).toMatchObject({ ok: false, status: 403 });
    expect(ctiAdapter.configured(secrets)).toBe(true);
    expect(ctiAdapter.configured({ publicBaseUrl: 'x' })).toBe(false);
  });
});

describe('CTI parse', () => {
  it('maps newCall → ringing, answer → answered, hangup → ended (JSON)', () => {
    expect(events(json({ ...call, event: 'newCall', user: ['Ada', 'Grace'], queue: 'support' }))).toEqual([
      { provider: 'cti', eventKey: 'call-42:newCall', providerCallId: 'call-42', kind: 'ringing', occurredAt: now, direction: 'inbound', from: call.from, to: call.to },
    ]);
    expect(events(json({ ...call, event: 'answer', user: 'ada@example.test' }))).toEqual([
      expect.objectContaining({ kind: 'answered', eventKey: 'call-42:answer', agentHint: 'ada@example.test' }),
    ]);
    expect(events(json({ ...call, event: 'hangup', cause: 'normalClearing' }))).toEqual([
      expect.objectContaining({ kind: 'ended', eventKey: 'call-42:hangup', cause: 'normal_clearing' }),
    ]);
  });

  it('reads form bodies, with user[] repeated, as parsed by the server or raw', () => {
    const e: CtiEventFixture = { ...call, event: 'answer', user: ['Ada Lovelace', 'Grace Hopper'] };
    expect(ctiFormBody(e)).toContain('user%5B%5D=Ada+Lovelace&user%5B%5D=Grace+Hopper');
    expect(events(form(e))[0]?.agentHint).toBe('Ada Lovelace');
    const raw = ctiFormBody(e);
    expect(events({ ...form(e), body: parseForm(raw) })[0]?.agentHint).toBe('Ada Lovelace');
    expect(events({ ...form(e), body: undefined })[0]?.agentHint).toBe('Ada Lovelace');
    expect(events({ ...form({ ...call, event: 'hangup', cause: 'noAnswer' }), body: undefined })[0]?.cause).toBe('no_answer');
  });

  it('reads a JSON user array and falls back to answeringNumber', () => {
    expect(events(rawJson({ ...call, event: 'answer', user: ['', 'grace@example.test'] }))[0]?.agentHint).toBe('grace@example.test');
    expect(events(rawJson({ ...call, event: 'answer', answeringNumber: '4930609811112' }))[0]?.agentHint).toBe('4930609811112');
    expect(events(rawJson({ ...call, event: 'answer' }))[0]?.agentHint).toBeUndefined();
  });

  it('maps every Zammad hang-up cause to lower_snake', () => {
    const causes = {
      normalClearing: 'normal_clearing', busy: 'busy', cancel: 'cancel', noAnswer: 'no_answer',
      congestion: 'congestion', notFound: 'not_found', forwarded: 'forwarded',
    } as const;
    for (const [cause, expected] of Object.entries(causes)) {
      expect(events(json({ ...call, event: 'hangup', cause: cause as CtiEventFixture['cause'] }))[0]?.cause).toBe(expected);
    }
    expect(lowerSnake('normal_clearing')).toBe('normal_clearing');
  });

  it('maps outbound calls', () => {
    expect(events(json({ ...call, direction: 'out', event: 'newCall' }))[0]?.direction).toBe('outbound');
  });

  it('reads the recorded payloads', () => {
    expect(events(rawJson(newCall))[0]).toMatchObject({ kind: 'ringing', providerCallId: newCall.callId });
    expect(events(rawJson(answer))[0]).toMatchObject({ kind: 'answered', agentHint: 'ada@example.test' });
    expect(events(rawJson(hangup))[0]).toMatchObject({ kind: 'ended', cause: 'normal_clearing' });
  });

  it('rejects malformed bodies with 400', () => {
    const bad = (body: unknown) => ctiAdapter.parse(rawJson(body), now);
    expect(bad({ ...call, event: 'transfer' })).toMatchObject({ ok: false, status: 400 });
    expect(bad({ ...call, event: 'newCall', direction: 'sideways' })).toMatchObject({ ok: false, status: 400 });
    expect(bad({ event: 'newCall', from: call.from, to: call.to, direction: 'in' })).toMatchObject({ ok: false, status: 400 });
    expect(bad({ ...call, event: 'newCall', from: undefined })).toMatchObject({ ok: false, status: 400 });
    expect(bad({ ...call, event: ['newCall', 'hangup'] })).toMatchObject({ ok: false, status: 400 });
    expect(bad({ ...call, event: 'newCall', callId: { id: 1 } })).toMatchObject({ ok: false, status: 400 });
    const broken: WebhookRequest = { ...rawJson({}), rawBody: '{"event":', body: undefined };
    expect(ctiAdapter.parse(broken, now)).toMatchObject({ ok: false, status: 400 });
    expect(ctiAdapter.parse({ ...broken, rawBody: '' }, now)).toMatchObject({ ok: false, status: 400 });
  });
});
