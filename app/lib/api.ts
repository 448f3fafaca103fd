/** A non-2xx answer from our API, with the server's `{error, details}` body when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The fetch itself failed: the server is unreachable or the connection dropped. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error', { cause });
    this.name = 'NetworkError';
  }
}

interface ErrorBody {
  error?: string;
  details?: { retryAfterSeconds?: number } & Record<string, unknown>;
}

/**
 * Same-origin JSON call with the session cookie. Browsers send Origin on POST/PUT fetches, which
 * the server requires for cookie-authenticated changes.
 */
export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: init.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new NetworkError(err);
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const { error, details } = (body ?? {}) as ErrorBody;
    const header = Number(res.headers.get('retry-after'));
    const retryAfter = details?.retryAfterSeconds ?? (Number.isFinite(header) && header > 0 ? header : undefined);
    throw new ApiError(res.status, error ?? res.statusText, details, retryAfter);
  }
  return body as T;
}
