import type { AppContext } from '../context';
import { dialAgentTwiml } from '../../telephony/twilio/twiml';
import { twilioVoiceTarget } from '../webhooks/twilio-voice-target';

// Same ring time as the voice answer gives an agent who was free when the call came in.
const AGENT_RING_SECONDS = 20;

/** The Calls/{sid}.json update that takes a caller out of <Enqueue> and rings the agent. Pure. */
export function twilioRedirectRequest(
  config: { apiBaseUrl: string; accountSid: string; authToken: string },
  callSid: string,
  twiml: string,
): { url: string; init: RequestInit } {
  const auth = Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64');
  return {
    url: `${config.apiBaseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Calls/${encodeURIComponent(callSid)}.json`,
    init: { method: 'POST', headers: { authorization: `Basic ${auth}`, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ Twiml: twiml }).toString() },
  };
}

/**
 * A Twilio caller held in the queue was just given to an agent: redirect the live call to TwiML
 * that dials them (Twilio's REST API; TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN). Without the
 * account sid the pop still reaches the agent, who picks the caller up by hand.
 */
export async function connectWaitingTwilioCall(ctx: AppContext, agentId: string, callSid: string): Promise<boolean> {
  const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_API_BASE_URL: apiBaseUrl, PUBLIC_BASE_URL } = ctx.config;
  if (!accountSid || !authToken) return false;
  const target = await twilioVoiceTarget(ctx, agentId, undefined);
  if (!target) return false;
  const twiml = dialAgentTwiml({ target, statusCallbackUrl: `${PUBLIC_BASE_URL}/webhooks/twilio/status`, timeoutSeconds: AGENT_RING_SECONDS, callerId: ctx.config.TWILIO_CALLER_ID });
  const { url, init } = twilioRedirectRequest({ apiBaseUrl, accountSid, authToken }, callSid, twiml);
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`Twilio answered ${res.status}`);
    return true;
  } catch (err) {
    ctx.logger.warn({ err: (err as Error).message, callSid }, 'could not redirect the waiting Twilio call to its agent');
    return false;
  }
}
