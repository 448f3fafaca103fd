/**
 * The Telnyx stand-in for tests and the demo call simulator. Telnyx ships no signer: we sign with
 * our own Ed25519 key and configure its public half as TELNYX_PUBLIC_KEY.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { WebhookRequest } from '../types';

export interface TelnyxKeyPair {
  /** Base64 raw 32-byte public key: the value Telnyx shows in Mission Control. */
  publicKey: string;
  /** Base64 raw 32-byte private seed (keep it in the simulator's config). */
  privateKey: string;
}

// PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows it.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function generateTelnyxKeyPair(): TelnyxKeyPair {
  const { privateKey } = generateKeyPairSync('ed25519');
  return keyPairOf(privateKey);
}

/** The same key pair every time for a given 32-byte seed (tests, a reproducible demo). */
export function telnyxKeyPairFromSeed(seed: Buffer): TelnyxKeyPair {
  return keyPairOf(privateKeyFromSeed(seed));
}

export function privateKeyFromSeed(seed: Buffer): KeyObject {
  if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

function keyPairOf(privateKey: KeyObject): TelnyxKeyPair {
  const jwk = privateKey.export({ format: 'jwk' });
  return {
    publicKey: Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x as string, 'base64url').toString('base64'),
    privateKey: Buffer.from(jwk.d as string, 'base64url').toString('base64'),
  };
}

/** `telnyx-signature-ed25519` for a timestamp (Unix seconds) and raw body. */
export function signTelnyxPayload(privateKey: string | KeyObject, timestamp: number | string, rawBody: string): string {
  const key = typeof privateKey === 'string' ? privateKeyFromSeed(Buffer.from(privateKey, 'base64')) : privateKey;
  return sign(null, Buffer.from(`${timestamp}|${rawBody}`, 'utf8'), key).toString('base64');
}

export interface SignedTelnyxRequestOptions {
  privateKey: string | KeyObject;
  /** The JSON envelope to send. */
  body: unknown;
  /** When Telnyx signed it; the timestamp header is its Unix seconds. */
  signedAt: Date;
  pathAndQuery?: string;
}

/** A POST as our server receives it from Telnyx, signed. */
export function signedTelnyxRequest(options: SignedTelnyxRequestOptions): WebhookRequest {
  const rawBody = JSON.stringify(options.body);
  const timestamp = Math.floor(options.signedAt.getTime() / 1000);
  return {
    method: 'POST',
    pathAndQuery: options.pathAndQuery ?? '/webhooks/telnyx',
    headers: {
      'content-type': 'application/json',
      'telnyx-timestamp': String(timestamp),
      'telnyx-signature-ed25519': signTelnyxPayload(options.privateKey, timestamp, rawBody),
    },
    rawBody,
    body: JSON.parse(rawBody) as unknown,
    query: {},
  };
}
