import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { connectClient, createUser, login, nextEvent, startTestServer, type ClientSocket, type TestServer } from '../support/test-server';
import { postTelnyx, postTwilio } from '../support/providers';
import { twilioSid, twilioStatusParams, twilioVoiceParams } from '../../telephony/twilio/fixtures/build';
import { telnyxEvent } from '../../telephony/telnyx/fixtures/build';
import { generateTelnyxKeyPair } from '../../telephony/telnyx/sign';

const PUBLIC = 'https://console.example.test';
const TWILIO_TOKEN = 'twilio-test-auth-token';
const telnyxKeys = generateTelnyxKeyPair();
let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  db = await createTestDatabase('popprov');
  server = await startTestServer(db.url, { PUBLIC_BASE_URL: PUBLIC, TWILIO_AUTH_TOKEN: TWILIO_TOKEN, TELNYX_PUBLIC_KEY: telnyxKeys.publicKey });
});
afterAll(async () => {
  await server?.close();
  await db?.drop();
});

async function availableAgent(): Promise<{ socket: ClientSocket; id: string }> {
  const agent = await createUser(server.sb, { role: 'agent' });
  const { token } = await login(server.url, agent.email, agent.password);
  const socket = await connectClient(server.url, { token });
  await socket.emitWithAck('agent:status', { status: 'available' });
  return { socket, id: agent.id };
}

async function leave(socket: ClientSocket) {
  await socket.emitWithAck('agent:status', { status: 'away' });
  socket.close();
}

const callState = async (providerCallId: string) =>
  (await server.sb.ctx.database.sql`select state, answered_at from calls where provider_call_id = ${providerCallId}`)[0];

const twilio = (path: string, params: Record<string, string | string[]>, signature?: string) =>
  postTwilio(server.url, { publicBaseUrl: PUBLIC, authToken: TWILIO_TOKEN, path, params, signature });

describe('Twilio', () => {
  it('voice request pops and dials the offered agent; child leg in-progress answers; completed ends', async () => {
    const agent = await availableAgent();
    const callSid = twilioSid('CA', randomUUID());
    const call = { callSid, from: '+14155550100', to: '+15005550006' };
    const popped = nextEvent(agent.socket, 'call:pop');
    const voice = await twilio('/webhooks/twilio/voice', twilioVoiceParams(call));
    expect(voice.status).toBe(200);
    expect(voice.contentType).toMatch(/text\/xml/);
    expect(voice.body).toContain('<Dial');
    expect(voice.body).toContain(`agent-${agent.id}`);
    expect(voice.body).toContain(`${PUBLIC}/webhooks/twilio/status`);
    const pop = await popped;
    expect(pop).toMatchObject({ provider: 'twilio', from: '+14155550100', to: '+15005550006', queue: 'default', customer: null });

    const answered = nextEvent(agent.socket, 'call:state', (e) => e.state === 'answered');
    const childSid = twilioSid('CA', `${callSid}-child`);
    const child = { callSid: childSid, parentCallSid: callSid, from: '+14155550100', to: `client:agent-${agent.id}` };
    expect((await twilio('/webhooks/twilio/status', twilioStatusParams({ ...child, status: 'in-progress', timestamp: new Date() }))).status).toBe(200);
    expect(await answered).toMatchObject({ callId: pop.callId, agentId: agent.id });

    const completed = nextEvent(agent.socket, 'call:state', (e) => e.state === 'completed');
    await twilio('/webhooks/twilio/status', twilioStatusParams({ ...call, status: 'completed', sequenceNumber: 3, callDuration: 42, timestamp: new Date() }));
    await completed;
    await leave(agent.socket);
  });

  it('accepts a signature made for PUBLIC_BASE_URL while listening on 127.0.0.1, refuses forged or missing ones (403) and stores nothing', async () => {
    const before = (await server.sb.ctx.database.sql`select count(*)::int as n from provider_events`)[0]!.n;
    const params = twilioVoiceParams({ callSid: twilioSid('CA', randomUUID()), from: '+14155550101', to: '+15005550006' });
    expect((await twilio('/webhooks/twilio/voice', params, 'bm90IGEgc2lnbmF0dXJl')).status).toBe(403);
    const wrongUrl = await postTwilio(server.url, { publicBaseUrl: server.url, authToken: TWILIO_TOKEN, path: '/webhooks/twilio/voice', params });
    expect(wrongUrl.status).toBe(403);
    const res = await fetch(`${server.url}/webhooks/twilio/status`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'CallSid=CA1' });
    expect(res.status).toBe(403);
    expect((await server.sb.ctx.database.sql`select count(*)::int as n from provider_events`)[0]!.n).toBe(before);
    const ok = await twilio('/webhooks/twilio/voice', params);
    expect(ok.status).toBe(200);
    // Nobody is available: the caller waits; hang up so later tests start with an empty queue.
    expect(ok.body).toContain('<Enqueue');
    await twilio('/webhooks/twilio/status', twilioStatusParams({ callSid: params.CallSid as string, from: '+14155550101', to: '+15005550006', status: 'canceled', sequenceNumber: 1, timestamp: new Date() }));
    expect((await callState(params.CallSid as string))!.state).toBe('abandoned');
  });

  it('answers a signed but malformed request with 400', async () => {
    expect((await twilio('/webhooks/twilio/status', { CallStatus: 'completed', CallbackSource: 'call-progress-events' })).status).toBe(400);
  });

  it('out of order: completed (sequence 3) before in-progress (sequence 1) ends completed, answered', async () => {
    const agent = await availableAgent();
    const callSid = twilioSid('CA', randomUUID());
    const call = { callSid, from: '+14155550102', to: '+15005550006' };
    const popped = nextEvent(agent.socket, 'call:pop');
    await twilio('/webhooks/twilio/voice', twilioVoiceParams(call));
    await popped;
    const t0 = new Date(Date.now() - 60_000);
    await twilio('/webhooks/twilio/status', twilioStatusParams({ ...call, status: 'completed', sequenceNumber: 3, callDuration: 40, timestamp: new Date(t0.getTime() + 45_000) }));
    await twilio('/webhooks/twilio/status', twilioStatusParams({ ...call, status: 'in-progress', sequenceNumber: 1, timestamp: new Date(t0.getTime() + 5_000) }));
    await twilio('/webhooks/twilio/status', twilioStatusParams({ ...call, status: 'ringing', sequenceNumber: 0, timestamp: t0 }));
    const row = await callState(callSid);
    expect(row!.state).toBe('completed');
    expect(row!.answered_at).not.toBeNull();
    await leave(agent.socket);
  });

  it('a duplicate voice request pops once; busy on the agent leg is missed', async () => {
    const agent = await availableAgent();
    const callSid = twilioSid('CA', randomUUID());
    const call = { callSid, from: '+14155550103', to: '+15005550006' };
    let pops = 0;
    agent.socket.on('call:pop', () => (pops += 1));
    const params = twilioVoiceParams(call);
    const first = await twilio('/webhooks/twilio/voice', params);
    const again = await twilio('/webhooks/twilio/voice', params);
    expect(again.status).toBe(200);
    expect(again.body).toBe(first.body);
    const missed = nextEvent(agent.socket, 'call:state', (e) => e.state === 'missed');
    const child = { callSid: twilioSid('CA', `${callSid}-c`), parentCallSid: callSid, from: call.from, to: `client:agent-${agent.id}` };
    await twilio('/webhooks/twilio/status', twilioStatusParams({ ...child, status: 'busy', timestamp: new Date() }));
    await missed;
    expect(pops).toBe(1);
    await leave(agent.socket);
  });
});

describe('Telnyx', () => {
  const event = (seed: string, eventType: string, offsetS: number, extra: Record<string, unknown> = {}) =>
    telnyxEvent({ callSeed: seed, eventType, from: '+14155550110', to: '+15005550006', startTime: new Date(Date.now() - 60_000), occurredAt: new Date(Date.now() - 60_000 + offsetS * 1000), ...extra });

  it('initiated pops, answered answers, hangup completes', async () => {
    const agent = await availableAgent();
    const seed = randomUUID();
    const popped = nextEvent(agent.socket, 'call:pop');
    expect(await postTelnyx(server.url, { privateKey: telnyxKeys.privateKey, payload: event(seed, 'call.initiated', 0) })).toBe(200);
    const pop = await popped;
    expect(pop).toMatchObject({ provider: 'telnyx', from: '+14155550110' });
    const answered = nextEvent(agent.socket, 'call:state', (e) => e.state === 'answered');
    await postTelnyx(server.url, { privateKey: telnyxKeys.privateKey, payload: event(seed, 'call.answered', 5) });
    await answered;
    const completed = nextEvent(agent.socket, 'call:state', (e) => e.state === 'completed');
    await postTelnyx(server.url, { privateKey: telnyxKeys.privateKey, payload: event(seed, 'call.hangup', 50, { hangupCause: 'normal_clearing' }) });
    await completed;
    await leave(agent.socket);
  });

  it('out of order: the hang-up before the answer still ends completed; a hang-up with no answer is missed', async () => {
    const agent = await availableAgent();
    const seed = randomUUID();
    const popped = nextEvent(agent.socket, 'call:pop');
    await postTelnyx(server.url, { privateKey: telnyxKeys.privateKey, payload: event(seed, 'call.initiated', 0) });
    const pop = await popped;
    await postTelnyx(server.url, { privateKey: telnyxKeys.privateKey, payload: event(seed, 'call.hangup', 50, { hangupCause: 'normal_clearing' }) });
    await postTelnyx(server.url, { privateKey: telnyxKeys.privateKey, payload: event(seed, 'call.answered', 5) });
    const [row] = await server.sb.ctx.database.sql`select state from calls where id = ${pop.callId}`;
    expect(row!.state).toBe('completed');

    const seed2 = randomUUID();
    await postTelnyx(server.url, { privateKey: telnyxKeys.privateKey, payload: event(seed2, 'call.hangup', 9, { hangupCause: 'originator_cancel' }) });
    const [missed] = await server.sb.ctx.database.sql`select state from calls where provider = 'telnyx' and created_at > now() - interval '5 seconds' order by created_at desc limit 1`;
    expect(missed!.state).toBe('missed');
    await leave(agent.socket);
  });

  it('refuses a stale timestamp, a tampered body and a foreign key with 403', async () => {
    const payload = event(randomUUID(), 'call.initiated', 0);
    expect(await postTelnyx(server.url, { privateKey: telnyxKeys.privateKey, payload, signedAt: new Date(Date.now() - 301_000) })).toBe(403);
    expect(await postTelnyx(server.url, { privateKey: telnyxKeys.privateKey, payload, tamper: true })).toBe(403);
    expect(await postTelnyx(server.url, { privateKey: generateTelnyxKeyPair().privateKey, payload })).toBe(403);
  });

  it('answers 404 for a provider that is not configured', async () => {
    const db2 = await createTestDatabase('popprov404');
    const bare = await startTestServer(db2.url);
    try {
      const res = await fetch(`${bare.url}/webhooks/telnyx`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'provider not configured' });
      expect((await fetch(`${bare.url}/webhooks/twilio/voice`, { method: 'POST' })).status).toBe(404);
      expect((await fetch(`${bare.url}/webhooks/cti?token=x`, { method: 'POST' })).status).toBe(404);
    } finally {
      await bare.close();
      await db2.drop();
    }
  });
});
