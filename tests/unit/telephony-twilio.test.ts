import { describe, expect, it } from 'vitest';
import { twilioAdapter } from '../../telephony/twilio/adapter';
import { signTwilioRequest, signedTwilioRequest } from '../../telephony/twilio/sign';
import type { TwilioParams } from '../../telephony/twilio/sign';
import { twilioSid, twilioStatusParams, twilioVoiceParams } from '../../telephony/twilio/fixtures/build';
import { dialAgentTwiml, holdInQueueTwiml } from '../../telephony/twilio/twiml';
import { telephonyAdapters } from '../../telephony/registry';
import type { AdapterSecrets, NormalisedCallEvent, WebhookRequest } from '../../telephony/types';
import voiceRinging from '../../telephony/twilio/fixtures/voice-ringing.json' with { type: 'json' };
import childInProgress from '../../telephony/twilio/fixtures/status-child-in-progress.json' with { type: 'json' };
import childNoAnswer from '../../telephony/twilio/fixtures/status-child-no-answer.json' with { type: 'json' };
import parentCompleted from '../../telephony/twilio/fixtures/status-parent-completed.json' with { type: 'json' };

const AUTH_TOKEN = 'test_auth_token_00000000000000000';
const BASE = 'https://console.example.test';
const secrets: AdapterSecrets = { publicBaseUrl: BASE, twilioAuthToken: AUTH_TOKEN };
const now = new Date('2026-11-22T10:00:00Z');
const PARENT = twilioSid('CA', 'parent');
const CHILD = twilioSid('CA', 'child');
const CALLER = '+14155550100';
const OUR_NUMBER = '+15005550006';

function request(pathAndQuery: string, params: TwilioParams, host?: string): WebhookRequest {
  return signedTwilioRequest({ authToken: AUTH_TOKEN, publicBaseUrl: BASE, pathAndQuery, params, ...(host ? { host } : {}) });
}

function events(req: WebhookRequest): NormalisedCallEvent[] {
  const parsed = twilioAdapter.parse(req, now);
  if (!parsed.ok) throw new Error(`parse failed: ${parsed.reason}`);
  return parsed.events;
}

const status = (s: Parameters<typeof twilioStatusParams>[0]) => request('/webhooks/twilio/status', twilioStatusParams(s));
const childLeg = { callSid: CHILD, parentCallSid: PARENT, from: CALLER, to: 'client:agent-ada' };
const parentLeg = { callSid: PARENT, from: CALLER, to: OUR_NUMBER };

describe('Twilio signature', () => {
  it('reproduces the documented test vector', () => {
    const params = { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' };
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    expect(signTwilioRequest('12345', url, params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
    const req: WebhookRequest = {
      method: 'POST',
      pathAndQuery: '/myapp.php?foo=1&bar=2',
      headers: { 'X-Twilio-Signature': '0/KCTR6DLpKmkAf8muzZqo1nDgQ=', host: 'mycompany.com' },
      rawBody: new URLSearchParams(params).toString(),
      body: params,
      query: { foo: '1', bar: '2' },
    };
    expect(twilioAdapter.verify(req, { publicBaseUrl: 'https://mycompany.com', twilioAuthToken: '12345' }, now)).toEqual({ ok: true });
  });

  it('verifies the recorded voice request (PROVIDERS.md §1.6)', () => {
    const { url, authToken, signature, params } = voiceRinging;
    expect(signTwilioRequest(authToken, url, params)).toBe(signature);
    const req: WebhookRequest = {
      method: 'POST',
      pathAndQuery: '/hooks/twilio/voice',
      headers: { 'x-twilio-signature': signature },
      rawBody: new URLSearchParams(params).toString(),
      body: params,
      query: {},
    };
    expect(twilioAdapter.verify(req, { publicBaseUrl: 'https://console.example.test', twilioAuthToken: authToken }, now).ok).toBe(true);
  });

  it('signs over PUBLIC_BASE_URL, whatever Host the request arrives with', () => {
    const req = request('/webhooks/twilio/voice', twilioVoiceParams(parentLeg), '127.0.0.1:3000');
    expect(twilioAdapter.verify(req, secrets, now)).toEqual({ ok: true });
    // A base URL with a trailing slash names the same URL.
    expect(twilioAdapter.verify(req, { ...secrets, publicBaseUrl: `${BASE}/` }, now).ok).toBe(true);
    // The same request checked against another public URL is not Twilio's.
    expect(twilioAdapter.verify(req, { ...secrets, publicBaseUrl: 'http://127.0.0.1:3000' }, now)).toMatchObject({ ok: false, status: 403 });
  });

  it('covers the query string as requested', () => {
    const req = request('/webhooks/twilio/status?queue=sales', twilioStatusParams({ ...parentLeg, status: 'ringing', timestamp: now }));
    expect(twilioAdapter.verify(req, secrets, now).ok).toBe(true);
    expect(twilioAdapter.verify({ ...req, pathAndQuery: '/webhooks/twilio/status?queue=vip' }, secrets, now).ok).toBe(false);
  });

  it('rejects a missing, forged or stale-body signature with 403', () => {
    const req = request('/webhooks/twilio/voice', twilioVoiceParams(parentLeg));
    const { 'x-twilio-signature': _sig, ...unsigned } = req.headers;
    expect(twilioAdapter.verify({ ...req, headers: unsigned }, secrets, now)).toMatchObject({ ok: false, status: 403 });
    expect(twilioAdapter.verify({ ...req, headers: { ...req.headers, 'x-twilio-signature': 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' } }, secrets, now))
      .toMatchObject({ ok: false, status: 403 });
    const tampered = req.rawBody.replace(encodeURIComponent(CALLER), encodeURIComponent('+19995550100'));
    expect(twilioAdapter.verify({ ...req, rawBody: tampered }, secrets, now)).toMatchObject({ ok: false, status: 403 });
    expect(twilioAdapter.verify(req, { ...secrets, twilioAuthToken: 'another-token' }, now)).toMatchObject({ ok: false, status: 403 });
    expect(twilioAdapter.verify(req, { publicBaseUrl: BASE }, now)).toMatchObject({ ok: false, status: 403 });
  });

  it('signs repeated form keys as Twilio does', () => {
    const params = { ...twilioVoiceParams(parentLeg), Digits: ['1', '2'] };
    const req = request('/webhooks/twilio/voice', params);
    expect(req.rawBody).toContain('Digits=1&Digits=2');
    expect(twilioAdapter.verify(req, secrets, now).ok).toBe(true);
  });

  it('is configured by its auth token and listed in the registry', () => {
    expect(twilioAdapter.configured(secrets)).toBe(true);
    expect(twilioAdapter.configured({ publicBaseUrl: BASE })).toBe(false);
    expect(telephonyAdapters.twilio).toBe(twilioAdapter);
  });
});

describe('Twilio parse', () => {
  it('maps the voice request to ringing keyed <CallSid>:voice', () => {
    expect(events(request('/webhooks/twilio/voice', twilioVoiceParams(parentLeg)))).toEqual([
      { provider: 'twilio', eventKey: `${PARENT}:voice`, providerCallId: PARENT, kind: 'ringing', occurredAt: now, direction: 'inbound', from: CALLER, to: OUR_NUMBER },
    ]);
  });

  it('keeps <CallSid>:voice when a retry carries an idempotency token', () => {
    const req = request('/webhooks/twilio/voice', twilioVoiceParams(parentLeg));
    const retry = { ...req, headers: { ...req.headers, 'i-twilio-idempotency-token': 'fresh-token' } };
    expect(events(retry)[0]?.eventKey).toBe(`${PARENT}:voice`);
  });

  it('maps ringing → answered (child leg) → ended for a call', () => {
    const ringing = events(status({ ...parentLeg, status: 'ringing', sequenceNumber: 0, timestamp: new Date('2026-11-22T10:00:01Z') }));
    expect(ringing).toEqual([expect.objectContaining({ kind: 'ringing', providerCallId: PARENT, seq: 0, eventKey: `${PARENT}:0` })]);
    expect(ringing[0]?.legId).toBeUndefined();

    const answered = events(status({ ...childLeg, status: 'in-progress', sequenceNumber: 2, timestamp: new Date('2026-11-22T10:00:09Z') }));
    expect(answered).toEqual([
      {
        provider: 'twilio', eventKey: `${CHILD}:2`, providerCallId: PARENT, legId: CHILD, kind: 'answered',
        occurredAt: new Date('2026-11-22T10:00:09Z'), direction: 'inbound', from: CALLER, to: 'client:agent-ada', agentHint: 'client:agent-ada',
      },
    ]);
    expect(answered[0]?.seq).toBeUndefined();

    const ended = events(status({ ...parentLeg, status: 'completed', sequenceNumber: 3, callDuration: 49, timestamp: new Date('2026-11-22T10:00:58Z') }));
    expect(ended).toEqual([
      expect.objectContaining({ kind: 'ended', providerCallId: PARENT, seq: 3, eventKey: `${PARENT}:3`, cause: 'completed', durationSeconds: 49, occurredAt: new Date('2026-11-22T10:00:58Z') }),
    ]);
  });

  it('maps in-progress on the call itself to answered without an agent', () => {
    const [event] = events(status({ ...parentLeg, status: 'in-progress', sequenceNumber: 1, timestamp: now }));
    expect(event).toMatchObject({ kind: 'answered', providerCallId: PARENT, seq: 1 });
    expect(event?.agentHint).toBeUndefined();
  });

  it('gives no call-level event for a child leg that is initiated, queued or ringing', () => {
    for (const s of ['initiated', 'queued', 'ringing'] as const) {
      expect(events(status({ ...childLeg, status: s, sequenceNumber: 0, timestamp: now }))).toEqual([]);
    }
  });

  it('names the agent on a child leg dialled to a number', () => {
    const [event] = events(status({ callSid: CHILD, parentCallSid: PARENT, from: CALLER, to: '+15005550199', status: 'in-progress', sequenceNumber: 2, timestamp: now }));
    expect(event?.agentHint).toBe('+15005550199');
  });

  it('maps busy, no-answer, failed and canceled to lower_snake causes', () => {
    const cases = [['busy', 'busy'], ['no-answer', 'no_answer'], ['failed', 'failed'], ['canceled', 'canceled']] as const;
    for (const [callStatus, cause] of cases) {
      const [event] = events(status({ ...parentLeg, status: callStatus, sequenceNumber: 2, callDuration: 0, timestamp: now }));
      expect(event).toMatchObject({ kind: 'ended', cause, durationSeconds: 0, seq: 2 });
    }
    const [childEnd] = events(status({ ...childLeg, status: 'no-answer', sequenceNumber: 2, callDuration: 0, timestamp: now }));
    expect(childEnd).toMatchObject({ kind: 'ended', cause: 'no_answer', providerCallId: PARENT, legId: CHILD, eventKey: `${CHILD}:2` });
  });

  it('keys parent and child callbacks apart even with the same SequenceNumber', () => {
    const p = events(status({ ...parentLeg, status: 'completed', sequenceNumber: 2, timestamp: now }))[0];
    const c = events(status({ ...childLeg, status: 'completed', sequenceNumber: 2, timestamp: now }))[0];
    expect(p?.eventKey).not.toBe(c?.eventKey);
  });

  it('falls back to <CallSid>:<CallStatus> and to now without SequenceNumber or Timestamp', () => {
    const params = twilioStatusParams({ ...parentLeg, status: 'completed', timestamp: now, callDuration: 5 }) as Record<string, string>;
    delete params.Timestamp;
    const [event] = events(request('/webhooks/twilio/status', params));
    expect(event).toMatchObject({ eventKey: `${PARENT}:completed`, occurredAt: now });
    expect(event?.seq).toBeUndefined();
  });

  it('reads the recorded status callbacks', () => {
    const parentSid = 'CA00000000000000000000000000000001';
    expect(events(request('/webhooks/twilio/status', childInProgress))).toEqual([
      expect.objectContaining({ kind: 'answered', providerCallId: parentSid, legId: childInProgress.CallSid, agentHint: 'client:agent-ada' }),
    ]);
    expect(events(request('/webhooks/twilio/status', childNoAnswer))).toEqual([expect.objectContaining({ kind: 'ended', cause: 'no_answer' })]);
    expect(events(request('/webhooks/twilio/status', parentCompleted))).toEqual([
      expect.objectContaining({ kind: 'ended', cause: 'completed', durationSeconds: 49, seq: 3, occurredAt: new Date('2026-11-22T10:00:54Z') }),
    ]);
  });

  it('treats an agent calling out from the browser as outbound', () => {
    const [event] = events(request('/webhooks/twilio/voice', twilioVoiceParams({ callSid: PARENT, from: 'client:agent-ada', to: CALLER })));
    expect(event?.direction).toBe('outbound');
  });

  it('ignores a status it does not know', () => {
    const params = { ...twilioStatusParams({ ...parentLeg, status: 'ringing', timestamp: now }), CallStatus: 'paused' };
    expect(events(request('/webhooks/twilio/status', params))).toEqual([]);
  });

  it('reads the raw form when the body was not parsed', () => {
    const req = request('/webhooks/twilio/voice', twilioVoiceParams(parentLeg));
    expect(events({ ...req, body: undefined })[0]?.eventKey).toBe(`${PARENT}:voice`);
  });

  it('rejects malformed requests with 400', () => {
    const base = twilioStatusParams({ ...parentLeg, status: 'completed', sequenceNumber: 1, timestamp: now }) as Record<string, string>;
    for (const missing of ['CallSid', 'From', 'To', 'CallStatus']) {
      const { [missing]: _gone, ...rest } = base;
      expect(twilioAdapter.parse(request('/webhooks/twilio/status', rest), now)).toMatchObject({ ok: false, status: 400 });
    }
    expect(twilioAdapter.parse(request('/webhooks/twilio/status', { ...base, SequenceNumber: 'x' }), now)).toMatchObject({ ok: false, status: 400 });
    expect(twilioAdapter.parse(request('/webhooks/twilio/status', { ...base, CallSid: [PARENT, CHILD] }), now)).toMatchObject({ ok: false, status: 400 });
    expect(twilioAdapter.parse({ ...request('/webhooks/twilio/voice', {}), rawBody: 'garbage' }, now)).toMatchObject({ ok: false, status: 400 });
  });

  it('accepts a repeated field whose copies agree', () => {
    const params = { ...twilioVoiceParams(parentLeg), CallSid: [PARENT, PARENT] };
    expect(events(request('/webhooks/twilio/voice', params))[0]?.providerCallId).toBe(PARENT);
  });
});

describe('TwiML', () => {
  it('dials an agent client with child-leg status callbacks', () => {
    const xml = dialAgentTwiml({ target: { client: 'agent-ada' }, statusCallbackUrl: `${BASE}/webhooks/twilio/status`, timeoutSeconds: 20, callerId: OUR_NUMBER });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Dial timeout="20" answerOnBridge="true" callerId="+15005550006">' +
        '<Client statusCallback="https://console.example.test/webhooks/twilio/status" statusCallbackEvent="initiated ringing answered completed" statusCallbackMethod="POST">agent-ada</Client>' +
        '</Dial></Response>',
    );
  });

  it('dials a number, with an action URL when given', () => {
    const xml = dialAgentTwiml({ target: { number: '+15005550199' }, statusCallbackUrl: `${BASE}/s`, timeoutSeconds: 15, actionUrl: `${BASE}/after-dial` });
    expect(xml).toContain('<Dial timeout="15" answerOnBridge="true" action="https://console.example.test/after-dial" method="POST">');
    expect(xml).toContain('statusCallbackEvent="initiated ringing answered completed" statusCallbackMethod="POST">+15005550199</Number>');
  });

  it('holds the caller in a queue, escaping the message', () => {
    expect(holdInQueueTwiml({ message: 'All agents are busy <please> hold & wait', waitUrl: `${BASE}/hold` })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say>All agents are busy &lt;please&gt; hold &amp; wait</Say>' +
        '<Enqueue waitUrl="https://console.example.test/hold" waitUrlMethod="POST">switchboard</Enqueue></Response>',
    );
    expect(holdInQueueTwiml({ message: 'Hold', queueName: 'sales' })).toContain('<Enqueue>sales</Enqueue>');
  });
});
