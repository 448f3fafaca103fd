import { isRecord, parseFormExact, pathOf, singleField } from '../shared/fields';
import type { Fields } from '../shared/fields';
import { malformed } from '../shared/results';
import type { NormalisedCallEvent, ParseResult, WebhookRequest } from '../types';

/** Twilio's terminal statuses and our lower_snake cause for each. */
const TERMINAL_CAUSE: Record<string, string> = {
  completed: 'completed',
  busy: 'busy',
  'no-answer': 'no_answer',
  failed: 'failed',
  canceled: 'canceled',
};
const PRE_ANSWER = new Set(['queued', 'initiated', 'ringing']);

/**
 * Twilio voice-URL requests and status callbacks → call events.
 *
 * - Voice URL (no `CallbackSource`, path not `…/status`): the call is offered → `ringing`, key
 *   `<CallSid>:voice` (not `I-Twilio-Idempotency-Token`: a retry may carry a new token).
 * - Status callback (`CallbackSource=call-progress-events` or path `…/status`): the call is
 *   `ParentCallSid ?? CallSid`; a child (`<Dial>`) leg sets `legId`.
 *   - queued/initiated/ringing: parent → `ringing`; child → no event (the call is already ringing,
 *     and a child leg's From/To describe the agent leg, not the call).
 *   - in-progress → `answered`; a child leg names the agent in `agentHint`.
 *   - completed/busy/no-answer/failed/canceled → `ended` with cause and `CallDuration`.
 *   - `seq` is `SequenceNumber` for parent-leg events only: each leg numbers its own callbacks from
 *     0, so a child's number says nothing about order within the call.
 */
export function parseTwilioRequest(request: WebhookRequest, now: Date): ParseResult {
  const fields = requestFields(request);
  const read = readAll(fields, [
    'CallSid', 'ParentCallSid', 'From', 'To', 'CallStatus', 'Direction', 'CallbackSource',
    'SequenceNumber', 'Timestamp', 'CallDuration',
  ]);
  if (!read.ok) return malformed(read.reason);
  const f = read.values;
  if (!f.CallSid || f.From === undefined || f.To === undefined) return malformed('missing CallSid, From or To');

  const isStatusCallback = f.CallbackSource === 'call-progress-events' || pathOf(request.pathAndQuery).endsWith('/status');
  const isChild = Boolean(f.ParentCallSid);
  const base = {
    provider: 'twilio' as const,
    providerCallId: f.ParentCallSid || f.CallSid,
    ...(isChild ? { legId: f.CallSid } : {}),
    occurredAt: parseRfc2822(f.Timestamp) ?? now,
    direction: callDirection(f.Direction, f.From, isChild),
    from: f.From,
    to: f.To,
  };

  if (!isStatusCallback) {
    return { ok: true, events: [{ ...base, eventKey: `${f.CallSid}:voice`, kind: 'ringing' }] };
  }

  const status = f.CallStatus;
  if (!status) return malformed('missing CallStatus');
  let seq: number | undefined;
  if (f.SequenceNumber !== undefined) {
    if (!/^\d+$/.test(f.SequenceNumber)) return malformed('SequenceNumber is not a number');
    seq = Number(f.SequenceNumber);
  }
  const event = {
    ...base,
    eventKey: `${f.CallSid}:${seq ?? status}`,
    ...(seq !== undefined && !isChild ? { seq } : {}),
  };

  if (PRE_ANSWER.has(status)) {
    return { ok: true, events: isChild ? [] : [{ ...event, kind: 'ringing' }] };
  }
  if (status === 'in-progress') {
    const agentHint = isChild ? agentOfChildLeg(f.From, f.To) : undefined;
    return { ok: true, events: [{ ...event, kind: 'answered', ...(agentHint ? { agentHint } : {}) }] };
  }
  const cause = TERMINAL_CAUSE[status];
  if (cause) {
    const ended: NormalisedCallEvent = { ...event, kind: 'ended', cause };
    if (f.CallDuration !== undefined && /^\d+$/.test(f.CallDuration)) ended.durationSeconds = Number(f.CallDuration);
    return { ok: true, events: [ended] };
  }
  // A status Twilio may add later: stored by the caller, no call-level meaning for us yet.
  return { ok: true, events: [] };
}

/** POST form fields (the parsed body, else the raw body); GET sends them in the query. */
function requestFields(request: WebhookRequest): Fields {
  const method = request.method.toUpperCase();
  if (method === 'GET' || method === 'HEAD') return request.query;
  if (isRecord(request.body) && Object.keys(request.body).length > 0) return request.body;
  return parseFormExact(request.rawBody);
}

type Read = { ok: true; values: Partial<Record<string, string>> } | { ok: false; reason: string };

function readAll(fields: Fields, names: string[]): Read {
  const values: Partial<Record<string, string>> = {};
  for (const name of names) {
    const r = singleField(fields, name);
    if (!r.ok) return r;
    values[name] = r.value;
  }
  return { ok: true, values };
}

/**
 * The call's direction for the console. A parent `inbound` leg from a Voice SDK client is an agent
 * placing a call, so outbound. A child leg (`outbound-dial`) belongs to an inbound call unless an
 * agent's client originated it.
 */
function callDirection(direction: string | undefined, from: string, isChild: boolean): 'inbound' | 'outbound' {
  if (from.startsWith('client:')) return 'outbound';
  if (isChild) return 'inbound';
  return direction === undefined || direction === 'inbound' ? 'inbound' : 'outbound';
}

/** On a child leg the agent is the dialled side, unless the agent's client placed it. */
function agentOfChildLeg(from: string, to: string): string | undefined {
  const agent = from.startsWith('client:') ? from : to;
  return agent === '' ? undefined : agent;
}

/** `Sun, 25 Mar 2018 09:53:19 +0000` → Date; undefined when absent or unreadable. */
export function parseRfc2822(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}
