import type { TelephonyAdapter } from '../types';
import { parseCtiEvent } from './parse-event';
import { verifyCtiToken } from './verify-token';

export const ctiAdapter: TelephonyAdapter = {
  provider: 'cti',
  configured: (secrets) => Boolean(secrets.ctiToken),
  verify: (request, secrets) => verifyCtiToken(request, secrets),
  parse: (request, now) => parseCtiEvent(request, now),
};
