import { isRecord } from '../shared/fields';
import { malformed } from '../shared/results';
import type { CallEventKind, NormalisedCallEvent, ParseResult, WebhookRequest } from '../types';

const KIND: Record<string, CallEventKind> = {
  'call.initiated': 'ringing',
  'call.answered': 'answered',
  'call.hangup': 'ended',
};

/**
 * Telnyx Call Control v2 → call events. `call.initiated` → ringing, `call.answered` → answered,
 * `call.hangup` → ended (cause `hangup_cause`, already lower_snake); any other event type is valid
 * and means nothing at call level. The call is `call_session_id` (it groups the legs of a
 * transfer), else `call_control_id`; the key is the event's `data.id`, stable across retries.
 *
 * Only `call.initiated` carries `direction`; answered/hangup without it are reported inbound and
 * the call keeps the direction its opening event gave.
 */
export function parseTelnyxEvent(request: WebhookRequest, _now: Date): ParseResult {
  const envelope = readJson(request);
  if (!isRecord(envelope) || !isRecord(envelope.data)) return malformed('not a Telnyx event envelope');
  const data = envelope.data;
  if (typeof data.id !== 'string' || data.id === '' || typeof data.event_type !== 'string') {
    return malformed('event without id or event_type');
  }
  const kind = KIND[data.event_type];
  if (!kind) return { ok: true, events: [] };

  const payload = data.payload;
  if (!isRecord(payload)) return malformed('call event without payload');
  const callControlId = stringOr(payload.call_control_id);
  const sessionId = stringOr(payload.call_session_id);
  if (!callControlId && !sessionId) return malformed('call event without call_control_id');
  const occurredAt = typeof data.occurred_at === 'string' ? new Date(data.occurred_at) : undefined;
  if (!occurredAt || Number.isNaN(occurredAt.getTime())) return malformed('call event without a valid occurred_at');

  const from = stringOr(payload.from);
  const to = stringOr(payload.to);
  if (kind === 'ringing' && (from === undefined || to === undefined)) return malformed('call.initiated without from/to');
  const direction = payload.direction;
  if (direction !== undefined && direction !== 'incoming' && direction !== 'outgoing') {
    return malformed('direction is neither incoming nor outgoing');
  }

  const event: NormalisedCallEvent = {
    provider: 'telnyx',
    eventKey: data.id,
    providerCallId: (sessionId ?? callControlId) as string,
    kind,
    occurredAt,
    direction: direction === 'outgoing' ? 'outbound' : 'inbound',
    from: from ?? '',
    to: to ?? '',
  };
  if (kind === 'ended') {
    const cause = stringOr(payload.hangup_cause);
    if (cause) event.cause = cause;
  }
  return { ok: true, events: [event] };
}

/** The signed bytes are the truth; fall back to the parsed body only when there are none. */
function readJson(request: WebhookRequest): unknown {
  if (request.rawBody.trim() === '') return request.body;
  try {
    return JSON.parse(request.rawBody) as unknown;
  } catch {
    return undefined;
  }
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
