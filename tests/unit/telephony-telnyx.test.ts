import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { telnyxAdapter } from '../../telephony/telnyx/adapter';
import { generateTelnyxKeyPair, signTelnyxPayload, signedTelnyxRequest, telnyxKeyPairFromSeed } from '../../telephony/telnyx/sign';
import { telnyxCallIds, telnyxEvent } from '../../telephony/telnyx/fixtures/build';
import type { AdapterSecrets, NormalisedCallEvent, WebhookRequest } from '../../telephony/types';
import callInitiated from '../../telephony/telnyx/fixtures/call-initiated.json' with { type: 'json' };
import callAnswered from '../../telephony/telnyx/fixtures/call-answered.json' with { type: 'json' };
import callHangup from '../../telephony/telnyx/fixtures/call-hangup.json' with { type: 'json' };

const keys = telnyxKeyPairFromSeed(createHash('sha256').update('telnyx-test-seed').digest());
const secrets: AdapterSecrets = { publicBaseUrl: 'https://console.example.test', telnyxPublicKey: keys.publicKey };
const t0 = new Date('2026-11-22T10:00:00Z');
const call = { callSeed: 'call-1', from: '+14155550100', to: '+15005550006', startTime: t0 };
const ids = telnyxCallIds('call-1');

function signed(body: unknown, signedAt = t0): WebhookRequest {
  return signedTelnyxRequest({ privateKey: keys.privateKey, body, signedAt });
}

function events(req: WebhookRequest): NormalisedCallEvent[] {
  const parsed = telnyxAdapter.parse(req, t0);
  if (!parsed.ok) throw new Error(`parse failed: ${parsed.reason}`);
  return parsed.events;
}

const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('Telnyx signature', () => {
  it('derives the documented public key from the documented seed', () => {
    expect(keys.publicKey).toBe('mBha1BfkFO3pomh9biwRPgzedd92zVerUPWDMsKHbHw=');
  });

  it('accepts a valid signature, within tolerance either side', () => {
    const req = signed(telnyxEvent({ ...call, eventType: 'call.initiated', occurredAt: t0 }));
    expect(telnyxAdapter.verify(req, secrets, at(1))).toEqual({ ok: true });
    expect(telnyxAdapter.verify(req, secrets, at(300))).toEqual({ ok: true });
    expect(telnyxAdapter.verify(req, secrets, at(-299))).toEqual({ ok: true });
  });

  it('looks headers up case-insensitively', () => {
    const req = signed(callInitiated);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(telnyxAdapter.verify({ ...req, headers }, secrets, at(1)).ok).toBe(true);
  });

  it('rejects a tampered body, a tampered timestamp and another key', () => {
    const req = signed(callInitiated);
    expect(telnyxAdapter.verify({ ...req, rawBody: req.rawBody.replace('+14155550100', '+14155550199') }, secrets, at(1)))
      .toMatchObject({ ok: false, status: 403 });
    expect(telnyxAdapter.verify({ ...req, headers: { ...req.headers, 'telnyx-timestamp': String(t0.getTime() / 1000 + 1) } }, secrets, at(1)))
      .toMatchObject({ ok: false, status: 403 });
    expect(telnyxAdapter.verify(req, { ...secrets, telnyxPublicKey: generateTelnyxKeyPair().publicKey }, at(1)))
      .toMatchObject({ ok: false, status: 403 });
  });

  it('rejects stale (301 s) and future timestamps', () => {
    const req = signed(callInitiated);
    expect(telnyxAdapter.verify(req, secrets, at(301))).toMatchObject({ ok: false, status: 403 });
    expect(telnyxAdapter.verify(req, secrets, at(-301))).toMatchObject({ ok: false, status: 403 });
    const future = signed(callInitiated, at(3600));
    expect(telnyxAdapter.verify(future, secrets, t0)).toMatchObject({ ok: false, status: 403 });
  });

  it('rejects missing or garbled headers and an unusable key', () => {
    const req = signed(callInitiated);
    const { 'telnyx-signature-ed25519': sig, 'telnyx-timestamp': ts, ...rest } = req.headers;
    expect(telnyxAdapter.verify({ ...req, headers: { ...rest, 'telnyx-timestamp': ts } }, secrets, at(1))).toMatchObject({ ok: false, status: 403 });
    expect(telnyxAdapter.verify({ ...req, headers: { ...rest, 'telnyx-signature-ed25519': sig } }, secrets, at(1))).toMatchObject({ ok: false, status: 403 });
    expect(telnyxAdapter.verify({ ...req, headers: { ...req.headers, 'telnyx-timestamp': 'yesterday' } }, secrets, at(1))).toMatchObject({ ok: false, status: 403 });
    expect(telnyxAdapter.verify({ ...req, headers: { ...req.headers, 'telnyx-signature-ed25519': 'c2hvcnQ=' } }, secrets, at(1))).toMatchObject({ ok: false, status: 403 });
    expect(telnyxAdapter.verify(req, { ...secrets, telnyxPublicKey: 'c2hvcnQ=' }, at(1))).toMatchObject({ ok: false, status: 403 });
    expect(telnyxAdapter.verify(req, { publicBaseUrl: secrets.publicBaseUrl }, at(1))).toMatchObject({ ok: false, status: 403 });
  });

  it('signs with a generated key pair as well', () => {
    const pair = generateTelnyxKeyPair();
    expect(Buffer.from(pair.publicKey, 'base64')).toHaveLength(32);
    const raw = JSON.stringify(callAnswered);
    const req: WebhookRequest = {
      method: 'POST', pathAndQuery: '/webhooks/telnyx', rawBody: raw, body: callAnswered, query: {},
      headers: { 'telnyx-timestamp': '1795341600', 'telnyx-signature-ed25519': signTelnyxPayload(pair.privateKey, 1795341600, raw) },
    };
    expect(telnyxAdapter.verify(req, { ...secrets, telnyxPublicKey: pair.publicKey }, new Date(1795341601_000)).ok).toBe(true);
    expect(telnyxAdapter.configured(secrets)).toBe(true);
    expect(telnyxAdapter.configured({ publicBaseUrl: 'x' })).toBe(false);
  });
});

describe('Telnyx parse', () => {
  it('maps call.initiated → ringing, call.answered → answered, call.hangup → ended', () => {
    const ringing = events(signed(telnyxEvent({ ...call, eventType: 'call.initiated', occurredAt: t0 })));
    expect(ringing).toEqual([
      {
        provider: 'telnyx', eventKey: expect.any(String), providerCallId: ids.callSessionId, kind: 'ringing',
        occurredAt: t0, direction: 'inbound', from: '+14155550100', to: '+15005550006',
      },
    ]);
    const answered = events(signed(telnyxEvent({ ...call, eventType: 'call.answered', occurredAt: at(7) })));
    expect(answered).toEqual([expect.objectContaining({ kind: 'answered', providerCallId: ids.callSessionId, occurredAt: at(7) })]);
    const ended = events(signed(telnyxEvent({ ...call, eventType: 'call.hangup', occurredAt: at(62), hangupCause: 'normal_clearing' })));
    expect(ended).toEqual([expect.objectContaining({ kind: 'ended', cause: 'normal_clearing', occurredAt: at(62) })]);
    expect(new Set([ringing[0]?.eventKey, answered[0]?.eventKey, ended[0]?.eventKey]).size).toBe(3);
  });

  it('keys a retried delivery the same (data.id), whatever meta.attempt says', () => {
    const first = events(signed(telnyxEvent({ ...call, eventType: 'call.hangup', occurredAt: at(5), attempt: 1 })));
    const retry = events(signed(telnyxEvent({ ...call, eventType: 'call.hangup', occurredAt: at(5), attempt: 2 })));
    expect(retry[0]?.eventKey).toBe(first[0]?.eventKey);
  });

  it('reads the recorded payloads', () => {
    expect(events(signed(callInitiated))[0]).toMatchObject({ kind: 'ringing', eventKey: callInitiated.data.id, providerCallId: callInitiated.data.payload.call_session_id });
    expect(events(signed(callAnswered))[0]).toMatchObject({ kind: 'answered' });
    expect(events(signed(callHangup))[0]).toMatchObject({ kind: 'ended', cause: 'normal_clearing', occurredAt: new Date('2026-11-22T10:01:02Z') });
  });

  it('maps busy and unanswered hang-ups, outgoing calls, and falls back to call_control_id', () => {
    expect(events(signed(telnyxEvent({ ...call, eventType: 'call.hangup', occurredAt: t0, hangupCause: 'user_busy' })))[0]?.cause).toBe('user_busy');
    expect(events(signed(telnyxEvent({ ...call, eventType: 'call.hangup', occurredAt: t0, hangupCause: 'originator_cancel' })))[0]?.cause).toBe('originator_cancel');
    expect(events(signed(telnyxEvent({ ...call, eventType: 'call.initiated', occurredAt: t0, direction: 'outgoing' })))[0]?.direction).toBe('outbound');
    const envelope = telnyxEvent({ ...call, eventType: 'call.initiated', occurredAt: t0 }) as { data: { payload: Record<string, unknown> } };
    delete envelope.data.payload.call_session_id;
    expect(events(signed(envelope))[0]?.providerCallId).toBe(ids.callControlId);
  });

  it('accepts other event types with no events', () => {
    expect(events(signed(telnyxEvent({ ...call, eventType: 'call.bridged', occurredAt: t0 })))).toEqual([]);
    expect(events(signed(telnyxEvent({ ...call, eventType: 'call.dtmf.received', occurredAt: t0 })))).toEqual([]);
  });

  it('rejects malformed JSON and shapes with 400', () => {
    const bad = (body: unknown, raw?: string): WebhookRequest => ({ ...signed(body), ...(raw !== undefined ? { rawBody: raw } : {}) });
    expect(telnyxAdapter.parse(bad({}, '{"data":'), t0)).toMatchObject({ ok: false, status: 400 });
    expect(telnyxAdapter.parse(bad([1, 2]), t0)).toMatchObject({ ok: false, status: 400 });
    expect(telnyxAdapter.parse(bad({ data: { event_type: 'call.initiated' } }), t0)).toMatchObject({ ok: false, status: 400 });
    expect(telnyxAdapter.parse(bad({ data: { id: 'x', event_type: 'call.initiated', occurred_at: '2026-11-22T10:00:00Z' } }), t0)).toMatchObject({ ok: false, status: 400 });
    const noDate = telnyxEvent({ ...call, eventType: 'call.answered', occurredAt: t0 }) as { data: Record<string, unknown> };
    noDate.data.occurred_at = 'soon';
    expect(telnyxAdapter.parse(signed(noDate), t0)).toMatchObject({ ok: false, status: 400 });
    const noFrom = telnyxEvent({ ...call, eventType: 'call.initiated', occurredAt: t0 }) as { data: { payload: Record<string, unknown> } };
    delete noFrom.data.payload.from;
    expect(telnyxAdapter.parse(signed(noFrom), t0)).toMatchObject({ ok: false, status: 400 });
  });
});
