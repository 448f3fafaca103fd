import { createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { headerValue } from '../shared/fields';
import { forbidden, verified } from '../shared/results';
import type { AdapterSecrets, VerifyResult, WebhookRequest } from '../types';

/** Telnyx's SDK rejects timestamps more than 300 s from now, either way; so do we. */
export const TELNYX_TOLERANCE_SECONDS = 300;

/**
 * `telnyx-signature-ed25519` (base64, 64 bytes) over `${telnyx-timestamp}|${raw body}` with the
 * account's base64 32-byte Ed25519 public key. Synchronous node:crypto rather than the SDK's
 * verifier, which is async (WebCrypto) and reads the clock itself.
 */
export function verifyTelnyxSignature(request: WebhookRequest, secrets: AdapterSecrets, now: Date): VerifyResult {
  if (!secrets.telnyxPublicKey) return forbidden('telnyx public key not configured');
  const key = publicKeyFrom(secrets.telnyxPublicKey);
  if (!key) return forbidden('telnyx public key is not a base64 32-byte Ed25519 key');

  const signatureHeader = headerValue(request.headers, 'telnyx-signature-ed25519');
  const timestamp = headerValue(request.headers, 'telnyx-timestamp');
  if (!signatureHeader || !timestamp) return forbidden('missing telnyx-signature-ed25519 or telnyx-timestamp');
  if (!/^\d{1,12}$/.test(timestamp)) return forbidden('telnyx-timestamp is not Unix seconds');
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > TELNYX_TOLERANCE_SECONDS) {
    return forbidden('telnyx-timestamp outside the 300 s tolerance');
  }
  const signature = Buffer.from(signatureHeader, 'base64');
  if (signature.length !== 64) return forbidden('telnyx-signature-ed25519 is not a 64-byte signature');

  const message = Buffer.from(`${timestamp}|${request.rawBody}`, 'utf8');
  return verify(null, message, key, signature) ? verified : forbidden('invalid telnyx-signature-ed25519');
}

// Key objects are immutable; building one per request would parse the same JWK every time.
const keyCache = new Map<string, KeyObject | null>();

function publicKeyFrom(base64: string): KeyObject | null {
  const cached = keyCache.get(base64);
  if (cached !== undefined) return cached;
  let key: KeyObject | null = null;
  const raw = Buffer.from(base64, 'base64');
  if (raw.length === 32) {
    try {
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
    } catch {
      key = null;
    }
  }
  if (keyCache.size > 16) keyCache.clear();
  keyCache.set(base64, key);
  return key;
}
