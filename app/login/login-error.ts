import { ApiError } from '../lib/api';

/** Which translated message a failed login shows; the server's English text is never shown as is. */
export type LoginErrorMessage =
  | { key: 'invalidCredentials' | 'invalidInput' | 'forbidden' | 'network' }
  | { key: 'tooManyAttempts'; values: { minutes: number } }
  | { key: 'unexpected'; values: { status: number } };

export function loginErrorMessage(err: unknown): LoginErrorMessage {
  if (!(err instanceof ApiError)) return { key: 'network' };
  switch (err.status) {
    case 400:
      return { key: 'invalidInput' };
    case 401:
      return { key: 'invalidCredentials' };
    case 403:
      return { key: 'forbidden' };
    case 429:
      return { key: 'tooManyAttempts', values: { minutes: Math.ceil((err.retryAfterSeconds ?? 60) / 60) } };
    default:
      return { key: 'unexpected', values: { status: err.status } };
  }
}
