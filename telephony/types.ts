/**
 * The one interface every provider adapter implements (STYLE.md "providers behind one interface"):
 * verify the request, then parse it into normalised call events. Pure: no I/O, `now` passed in.
 */
export type ProviderName = 'twilio' | 'telnyx' | 'cti';

/** The request as received, before any trust is placed in it. */
export interface WebhookRequest {
  method: string;
  /** Path and query exactly as requested, e.g. `/webhooks/twilio/status?x=1`. */
  pathAndQuery: string;
  headers: Record<string, string | string[] | undefined>;
  /** Body bytes as sent (signatures are computed over them). */
  rawBody: string;
  /** Parsed body: form fields (repeated keys as arrays) or JSON. */
  body: unknown;
  /** Query string fields. */
  query: Record<string, string | string[] | undefined>;
}

export interface AdapterSecrets {
  publicBaseUrl: string;
  twilioAuthToken?: string;
  telnyxPublicKey?: string;
  ctiToken?: string;
}

export type VerifyResult = { ok: true } | { ok: false; status: 403 | 400; reason: string };

/**
 * What happened to a call, in our words. `ringing` opens a call (and may carry the caller);
 * `answered` means an agent picked up; `ended` closes it; whether that is completed, missed or
 * abandoned is decided by the call's state machine (was it answered? was it queued?).
 */
export type CallEventKind = 'ringing' | 'answered' | 'ended';

export interface NormalisedCallEvent {
  provider: ProviderName;
  /** Unique per provider delivery-worthy event; a repeat delivery has the same key. */
  eventKey: string;
  /** Id of the whole call at the provider (Twilio parent CallSid, Telnyx call_session_id, CTI callId). */
  providerCallId: string;
  /** Id of the leg this event is about when it is not the call itself (Twilio child CallSid). */
  legId?: string;
  kind: CallEventKind;
  /** Provider order within the call where it gives one (Twilio SequenceNumber); higher = later. */
  seq?: number;
  occurredAt: Date;
  direction: 'inbound' | 'outbound';
  /** As the provider sent them; the server normalises to E.164. */
  from: string;
  to: string;
  /** Who answered, when the provider says (CTI `user`, Twilio `client:identity` of the child leg). */
  agentHint?: string;
  /** Provider hang-up cause, normalised lower_snake (`normal_clearing`, `no_answer`, `busy`, `cancel`, …). */
  cause?: string;
  durationSeconds?: number;
}

export type ParseResult = { ok: true; events: NormalisedCallEvent[] } | { ok: false; status: 400; reason: string };

export interface TelephonyAdapter {
  provider: ProviderName;
  /** Whether this provider is configured (its secret set); unconfigured routes answer 404. */
  configured(secrets: AdapterSecrets): boolean;
  verify(request: WebhookRequest, secrets: AdapterSecrets, now: Date): VerifyResult;
  parse(request: WebhookRequest, now: Date): ParseResult;
}
