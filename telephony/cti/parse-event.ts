import { isRecord, listField, parseFormExact, singleField } from '../shared/fields';
import type { Fields } from '../shared/fields';
import { malformed } from '../shared/results';
import type { CallEventKind, NormalisedCallEvent, ParseResult, WebhookRequest } from '../types';

const KIND: Record<string, CallEventKind> = { newCall: 'ringing', answer: 'answered', hangup: 'ended' };

/**
 * Zammad's generic CTI fields (PROVIDERS.md §5), form-encoded or JSON → call events. The feed has
 * no timestamps or sequence numbers: `occurredAt` is when we received it, and `seq` is unset.
 * `cause` (`normalClearing`, `noAnswer`, …) becomes lower_snake (`normal_clearing`, `no_answer`).
 */
export function parseCtiEvent(request: WebhookRequest, now: Date): ParseResult {
  const fields = bodyFields(request);
  if (!fields) return malformed('body is neither a JSON object nor a form');

  const read: Record<string, string | undefined> = {};
  for (const name of ['event', 'callId', 'from', 'to', 'direction', 'cause', 'answeringNumber']) {
    const r = singleField(fields, name);
    if (!r.ok) return malformed(r.reason);
    read[name] = r.value;
  }
  const { event, callId, from, to, direction } = read;
  const kind = event === undefined ? undefined : KIND[event];
  if (!kind) return malformed('event must be newCall, answer or hangup');
  if (!callId) return malformed('missing callId');
  if (from === undefined || to === undefined) return malformed('missing from or to');
  if (direction !== 'in' && direction !== 'out') return malformed('direction must be in or out');

  const normalised: NormalisedCallEvent = {
    provider: 'cti',
    eventKey: `${callId}:${event}`,
    providerCallId: callId,
    kind,
    occurredAt: now,
    direction: direction === 'in' ? 'inbound' : 'outbound',
    from,
    to,
  };
  if (kind === 'answered') {
    const user = (listField(fields, 'user') ?? listField(fields, 'user[]') ?? []).find((u) => u.trim() !== '');
    const agentHint = user ?? read.answeringNumber;
    if (agentHint) normalised.agentHint = agentHint;
  }
  if (kind === 'ended' && read.cause) normalised.cause = lowerSnake(read.cause);
  return { ok: true, events: [normalised] };
}

/** The parsed body when the server parsed one; else the raw body read as JSON or as a form. */
function bodyFields(request: WebhookRequest): Fields | undefined {
  if (isRecord(request.body) && Object.keys(request.body).length > 0) return request.body;
  const raw = request.rawBody.trim();
  if (raw === '') return undefined;
  if (raw.startsWith('{') || raw.startsWith('[')) {
    try {
      const parsed = JSON.parse(raw) as unknown;
      return isRecord(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  const form = parseFormExact(raw);
  return Object.keys(form).length > 0 ? form : undefined;
}

/** `normalClearing` → `normal_clearing`; already-snake values pass through. */
export function lowerSnake(value: string): string {
  return value
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toLowerCase();
}
