import { httpPost, httpPostText } from './http-post';
import { encodeTwilioForm, signTwilioRequest, type TwilioParams } from '../../telephony/twilio/sign';
import { twilioSid, twilioStatusParams, twilioVoiceParams } from '../../telephony/twilio/fixtures/build';

export const BENCH_TWILIO_TOKEN = 'bench-twilio-auth-token';
export const BENCH_PUBLIC_URL = 'https://switchboard.bench.test';

async function post(serverUrl: string, path: string, params: TwilioParams): Promise<number> {
  const signature = signTwilioRequest(BENCH_TWILIO_TOKEN, `${BENCH_PUBLIC_URL}${path}`, params);
  return httpPost(`${serverUrl}${path}`, encodeTwilioForm(params), { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature });
}

export const benchCallSid = (seed: string) => twilioSid('CA', seed);

/** The provider's opening request of a call: Twilio's voice webhook, signed. Resolves to the HTTP status. */
export async function ring(serverUrl: string, callSid: string, from: string, to: string): Promise<number> {
  return (await ringAndAnswer(serverUrl, callSid, from, to)).status;
}

/** The voice webhook, with whether its TwiML dials an agent at once (`<Dial>`) or holds the caller in the queue. */
export async function ringAndAnswer(serverUrl: string, callSid: string, from: string, to: string): Promise<{ status: number; dialled: boolean }> {
  const path = '/webhooks/twilio/voice';
  const params = twilioVoiceParams({ callSid, from, to });
  const signature = signTwilioRequest(BENCH_TWILIO_TOKEN, `${BENCH_PUBLIC_URL}${path}`, params);
  const res = await httpPostText(`${serverUrl}${path}`, encodeTwilioForm(params), { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature });
  return { status: res.status, dialled: res.text.includes('<Dial') };
}

/** The rest of the sequence once the agent's leg rang: child leg answered, then the call completed. */
export async function answerAndHangUp(serverUrl: string, callSid: string, from: string, to: string, agentIdentity: string): Promise<number[]> {
  const now = new Date();
  const childSid = twilioSid('CA', `${callSid}:child`);
  const child = { callSid: childSid, parentCallSid: callSid, from, to: `client:${agentIdentity}` };
  const a = await post(serverUrl, '/webhooks/twilio/status', twilioStatusParams({ ...child, status: 'in-progress', timestamp: now }));
  const b = await post(serverUrl, '/webhooks/twilio/status', twilioStatusParams({ ...child, status: 'completed', callDuration: 1, timestamp: now }));
  const c = await post(serverUrl, '/webhooks/twilio/status', twilioStatusParams({ callSid, from, to, status: 'completed', sequenceNumber: 3, callDuration: 1, timestamp: now }));
  return [a, b, c];
}

/** The caller gave up before anyone answered: the call itself completes (missed or abandoned). */
export async function hangUpUnanswered(serverUrl: string, callSid: string, from: string, to: string): Promise<number> {
  return post(serverUrl, '/webhooks/twilio/status', twilioStatusParams({ callSid, from, to, status: 'completed', sequenceNumber: 1, callDuration: 0, timestamp: new Date() }));
}
