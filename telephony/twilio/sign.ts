/**
 * The Twilio stand-in for tests and the demo call simulator: sign a request exactly as Twilio does.
 */
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import type { WebhookRequest } from '../types';

export type TwilioParams = Record<string, string | string[]>;

/** The `X-Twilio-Signature` value for `url` (scheme://host/path?query) and the form params. */
export function signTwilioRequest(authToken: string, url: string, params: TwilioParams): string {
  return getExpectedTwilioSignature(authToken, url, params);
}

/** Form-encode params (repeated keys for arrays), as Twilio posts them. */
export function encodeTwilioForm(params: TwilioParams): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  }
  return form.toString();
}

export interface SignedTwilioRequestOptions {
  authToken: string;
  /** What Twilio was told to call, e.g. `https://console.example.test`. */
  publicBaseUrl: string;
  /** Path and query, e.g. `/webhooks/twilio/status`. */
  pathAndQuery: string;
  params: TwilioParams;
  /** The Host header the request arrives with (a proxy may rewrite it); not signed. */
  host?: string;
}

/** A POST as our server receives it from Twilio, signed. */
export function signedTwilioRequest(options: SignedTwilioRequestOptions): WebhookRequest {
  const url = options.publicBaseUrl.replace(/\/+$/, '') + options.pathAndQuery;
  const query = Object.fromEntries(new URL(url).searchParams);
  return {
    method: 'POST',
    pathAndQuery: options.pathAndQuery,
    headers: {
      host: options.host ?? new URL(url).host,
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signTwilioRequest(options.authToken, url, options.params),
    },
    rawBody: encodeTwilioForm(options.params),
    body: options.params,
    query,
  };
}
