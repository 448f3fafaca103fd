import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { encodeTwilioForm, signTwilioRequest, type TwilioParams } from '../../telephony/twilio/sign';
import { twilioSid, twilioStatusParams, twilioVoiceParams } from '../../telephony/twilio/fixtures/build';

export interface CallSimulatorOptions {
  /** Where the server listens (the simulator posts here). */
  listenUrl: string;
  /** What Twilio would sign over (PUBLIC_BASE_URL). */
  publicBaseUrl: string;
  twilioAuthToken: string;
  /** Callers: demo customers' numbers, and now and then a stranger. */
  callers: string[];
  dialled: string;
  everyMs?: number;
  log?: (line: string) => void;
}

const rand = (min: number, max: number) => min + Math.random() * (max - min);

/**
 * Plays Twilio for the demo: rings the console every few seconds with signed webhooks. An offered
 * call is answered on the agent's leg after a few seconds and hung up later; one nobody takes is
 * abandoned after a while, as callers do.
 */
export function startCallSimulator(opts: CallSimulatorOptions): { stop(): void } {
  let stopped = false;
  const log = opts.log ?? (() => {});
  const post = async (path: string, params: TwilioParams) => {
    const signature = signTwilioRequest(opts.twilioAuthToken, `${opts.publicBaseUrl}${path}`, params);
    const res = await fetch(`${opts.listenUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: encodeTwilioForm(params),
    });
    return res.text();
  };

  const oneCall = async (from: string) => {
    const callSid = twilioSid('CA', randomUUID());
    const call = { callSid, from, to: opts.dialled };
    const twiml = await post('/webhooks/twilio/voice', twilioVoiceParams(call));
    const identity = /<Client[^>]*>([^<]+)<\/Client>/.exec(twiml)?.[1];
    const number = /<Number[^>]*>([^<]+)<\/Number>/.exec(twiml)?.[1];
    let seq = 1;
    if (identity || number) {
      log(`call from ${from} rings at ${identity ?? number}`);
      await sleep(rand(3000, 6000));
      const child = { callSid: twilioSid('CA', `${callSid}:agent`), parentCallSid: callSid, from, to: identity ? `client:${identity}` : number! };
      await post('/webhooks/twilio/status', twilioStatusParams({ ...child, status: 'in-progress', timestamp: new Date() }));
      const talk = rand(8000, 20000);
      await sleep(talk);
      await post('/webhooks/twilio/status', twilioStatusParams({ ...child, status: 'completed', callDuration: Math.round(talk / 1000), timestamp: new Date() }));
    } else {
      log(`call from ${from} waits in the queue`);
      await sleep(rand(15000, 30000));
    }
    await post('/webhooks/twilio/status', twilioStatusParams({ ...call, status: 'completed', sequenceNumber: seq++, callDuration: 30, timestamp: new Date() }));
  };

  void (async () => {
    while (!stopped) {
      const stranger = Math.random() < 0.2;
      const from = stranger ? `+1415555${String(Math.floor(1000 + Math.random() * 8999))}` : opts.callers[Math.floor(Math.random() * opts.callers.length)]!;
      oneCall(from).catch((err: unknown) => log(`simulated call failed: ${(err as Error).message}`));
      await sleep(opts.everyMs ?? rand(6000, 12000));
    }
  })();
  return { stop: () => (stopped = true) };
}
