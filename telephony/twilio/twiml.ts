// Only the TwiML builder (xmlbuilder underneath): no REST client, no network.
import VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';

export type DialTarget = { client: string } | { number: string };

export interface DialAgentOptions {
  target: DialTarget;
  /** Receives the child leg's initiated/ringing/answered/completed callbacks (`/webhooks/twilio/status`). */
  statusCallbackUrl: string;
  /** How long the agent's leg rings before it ends as no-answer. */
  timeoutSeconds: number;
  /** Caller id shown to a dialled number; Twilio requires one of ours for PSTN targets. */
  callerId?: string;
  /**
   * Where Twilio asks what to do when the `<Dial>` ends. Without it the call hangs up when the
   * agent's leg ends, so a child leg's busy/no-answer also ends the call.
   */
  actionUrl?: string;
}

const CHILD_EVENTS: NonNullable<VoiceResponse.NumberAttributes['statusCallbackEvent']> = ['initiated', 'ringing', 'answered', 'completed'];

/**
 * Ring one agent. `answerOnBridge` keeps the caller hearing ringback, and a not-yet-answered parent
 * leg unanswered, until the agent picks up (a `<Say>` or `<Enqueue>` before it has already
 * answered the parent; then only the child leg's `in-progress` says an agent answered).
 */
export function dialAgentTwiml(options: DialAgentOptions): string {
  const response = new VoiceResponse();
  const dial = response.dial({
    timeout: options.timeoutSeconds,
    answerOnBridge: true,
    ...(options.callerId ? { callerId: options.callerId } : {}),
    ...(options.actionUrl ? { action: options.actionUrl, method: 'POST' } : {}),
  });
  const leg = { statusCallback: options.statusCallbackUrl, statusCallbackEvent: CHILD_EVENTS, statusCallbackMethod: 'POST' };
  if ('client' in options.target) dial.client(leg, options.target.client);
  else dial.number(leg, options.target.number);
  return response.toString();
}

export interface HoldInQueueOptions {
  /** Said once before the caller joins the queue. */
  message: string;
  /** TwiML Twilio fetches (and loops) while the caller waits; Twilio's default hold music without it. */
  waitUrl?: string;
  /** Twilio queue name; one queue per deployment unless routing says otherwise. */
  queueName?: string;
}

export const DEFAULT_TWILIO_QUEUE = 'switchboard';

/**
 * Hold the caller in a Twilio `<Enqueue>` until an agent is free. Chosen over a `<Play>`/`<Pause>`/
 * `<Redirect>` loop because Twilio keeps the caller on hold by itself: no polling webhooks, no
 * voice-URL requests that would look like repeats of the first one (`<CallSid>:voice`), and a
 * slow or restarting server does not drop a waiting caller. The server takes the caller out by
 * redirecting the call (REST `calls(CallSid).update({ twiml: dialAgentTwiml(…) })`).
 */
export function holdInQueueTwiml(options: HoldInQueueOptions): string {
  const response = new VoiceResponse();
  response.say(options.message);
  response.enqueue(
    options.waitUrl ? { waitUrl: options.waitUrl, waitUrlMethod: 'POST' } : {},
    options.queueName ?? DEFAULT_TWILIO_QUEUE,
  );
  return response.toString();
}
