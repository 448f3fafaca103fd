// Only the webhooks module: the package root pulls in the whole REST client (~300 ms to load).
import { validateRequest, validateRequestWithBody } from 'twilio/lib/webhooks/webhooks.js';
import { headerValue, isRecord, parseFormExact } from '../shared/fields';
import { forbidden, verified } from '../shared/results';
import type { AdapterSecrets, VerifyResult, WebhookRequest } from '../types';

/**
 * `X-Twilio-Signature` as Twilio computes it: HMAC-SHA1 over the URL Twilio requested — our public
 * base URL plus the path and query as received, never the Host header (a proxy or tunnel rewrites
 * it) — followed by every form parameter. The SDK compares in constant time and also tries the
 * URL with/without the default port.
 *
 * Webhooks signed with a Twilio SharedKey (they carry `X-Twilio-Webhooks-Signature-Settings`) are
 * not supported: we hold only the auth token, so they fail with 403.
 */
export function verifyTwilioSignature(request: WebhookRequest, secrets: AdapterSecrets): VerifyResult {
  const authToken = secrets.twilioAuthToken;
  if (!authToken) return forbidden('twilio auth token not configured');
  const signature = headerValue(request.headers, 'x-twilio-signature');
  if (!signature) return forbidden('missing X-Twilio-Signature');

  const url = secrets.publicBaseUrl.replace(/\/+$/, '') + request.pathAndQuery;
  try {
    let valid: boolean;
    if (/[?&]bodySHA256=/.test(request.pathAndQuery)) {
      // JSON-bodied products: the signature covers the URL (with the body hash) and no params.
      valid = validateRequestWithBody(authToken, signature, url, request.rawBody);
    } else {
      valid = validateRequest(authToken, signature, url, signedParams(request));
    }
    return valid ? verified : forbidden('invalid X-Twilio-Signature');
  } catch {
    // `new URL()` inside the SDK throws on a URL it cannot parse: not a request Twilio signed.
    return forbidden('unverifiable request URL');
  }
}

/** GET puts the params in the (already signed) query; POST signs the form fields as sent. */
function signedParams(request: WebhookRequest): Record<string, string | string[]> {
  const method = request.method.toUpperCase();
  if (method === 'GET' || method === 'HEAD') return {};
  if (request.rawBody !== '') return parseFormExact(request.rawBody);
  return isRecord(request.body) ? (request.body as Record<string, string | string[]>) : {};
}
