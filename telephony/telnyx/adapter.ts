import type { TelephonyAdapter } from '../types';
import { parseTelnyxEvent } from './parse-event';
import { verifyTelnyxSignature } from './verify-signature';

export const telnyxAdapter: TelephonyAdapter = {
  provider: 'telnyx',
  configured: (secrets) => Boolean(secrets.telnyxPublicKey),
  verify: (request, secrets, now) => verifyTelnyxSignature(request, secrets, now),
  parse: (request, now) => parseTelnyxEvent(request, now),
};
