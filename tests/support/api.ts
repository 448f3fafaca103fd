/** Small JSON client for the contract's HTTP API in tests. */
export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export function apiClient(baseUrl: string, token?: string) {
  const call = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
  };
  return {
    get: <T = Record<string, unknown>>(path: string) => call<T>('GET', path),
    post: <T = Record<string, unknown>>(path: string, body: unknown = {}) => call<T>('POST', path, body),
    put: <T = Record<string, unknown>>(path: string, body: unknown) => call<T>('PUT', path, body),
    patch: <T = Record<string, unknown>>(path: string, body: unknown) => call<T>('PATCH', path, body),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** POSTs a generic CTI event (Zammad field names) as JSON or form. */
export async function postCti(baseUrl: string, token: string, fields: Record<string, string>, as: 'json' | 'form' = 'json'): Promise<number> {
  const res = await fetch(`${baseUrl}/webhooks/cti?token=${encodeURIComponent(token)}`, {
    method: 'POST',
    headers: { 'content-type': as === 'json' ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: as === 'json' ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
  });
  await res.arrayBuffer();
  return res.status;
}
