import type { TelephonyAdapter } from '../types';
import { parseTwilioRequest } from './parse-callback';
import { verifyTwilioSignature } from './verify-signature';

export const twilioAdapter: TelephonyAdapter = {
  provider: 'twilio',
  configured: (secrets) => Boolean(secrets.twilioAuthToken),
  verify: (request, secrets) => verifyTwilioSignature(request, secrets),
  parse: (request, now) => parseTwilioRequest(request, now),
};
