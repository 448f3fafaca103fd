import { createHash, timingSafeEqual } from 'node:crypto';
import { forbidden, verified } from '../shared/results';
import { singleField } from '../shared/fields';
import type { AdapterSecrets, VerifyResult, WebhookRequest } from '../types';

/**
 * `?token=` must equal CTI_TOKEN. Both sides are hashed first so the comparison is constant-time
 * and its length says nothing about the token's.
 */
export function verifyCtiToken(request: WebhookRequest, secrets: AdapterSecrets): VerifyResult {
  if (!secrets.ctiToken) return forbidden('cti token not configured');
  const read = singleField(request.query, 'token');
  const given = read.ok ? read.value : undefined;
  if (!given) return forbidden('missing token');
  return constantTimeEqual(given, secrets.ctiToken) ? verified : forbidden('invalid token');
}

function constantTimeEqual(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}
