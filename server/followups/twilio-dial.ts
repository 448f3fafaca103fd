/** What dialling through Twilio's REST API needs; all of it from the environment. */
export interface TwilioDialConfig {
  apiBaseUrl: string;
  accountSid: string;
  authToken: string;
  callerId: string;
  publicBaseUrl: string;
}

/** The Calls.json request (pure): To the customer, From our caller id, TwiML from our voice webhook. */
export function twilioCallRequest(config: TwilioDialConfig, to: string): { url: string; init: RequestInit } {
  const body = new URLSearchParams({ To: to, From: config.callerId, Url: `${config.publicBaseUrl}/webhooks/twilio/voice` });
  const auth = Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64');
  return {
    url: `${config.apiBaseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Calls.json`,
    init: { method: 'POST', headers: { authorization: `Basic ${auth}`, 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() },
  };
}

export class DialError extends Error {
  override readonly name = 'DialError';
}

/** Places the call; resolves to Twilio's CallSid. Fails after 10 s rather than hang the agent's click. */
export async function dialWithTwilio(config: TwilioDialConfig, to: string): Promise<string> {
  const { url, init } = twilioCallRequest(config, to);
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  } catch (err) {
    throw new DialError(`Twilio unreachable: ${(err as Error).message}`);
  }
  const body = (await res.json().catch(() => ({}))) as { sid?: string; message?: string };
  if (!res.ok || !body.sid) throw new DialError(`Twilio refused the call (${res.status}): ${body.message ?? 'no sid'}`);
  return body.sid;
}
