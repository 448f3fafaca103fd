import { ApiError } from './api';

/** What went wrong with a console request, as a translation key under `pop.errors`. */
export type RequestError =
  | { key: 'invalid'; fields: string[] }
  | { key: 'forbidden' | 'notFound' | 'conflict' | 'network' }
  | { key: 'server'; status: number };

/** The top-level field names of a 400's `details: [{path, message}]` (`phones.0` → `phones`). */
function invalidFields(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  const paths = details.map((d) => (typeof d?.path === 'string' ? d.path.split('.')[0] : '')).filter(Boolean);
  return [...new Set(paths)];
}

export function requestError(err: unknown): RequestError {
  if (!(err instanceof ApiError)) return { key: 'network' };
  if (err.status === 401) window.location.assign('/login');
  if (err.status === 400 || err.status === 422) return { key: 'invalid', fields: invalidFields(err.details) };
  if (err.status === 403) return { key: 'forbidden' };
  if (err.status === 404) return { key: 'notFound' };
  if (err.status === 409) return { key: 'conflict' };
  return { key: 'server', status: err.status };
}
