'use client';

import { useCallback, useRef, useState } from 'react';
import { apiFetch, ApiError } from '../lib/api';
import type { CustomerRow } from './customer-table';

export type SearchError = { key: 'badQuery' | 'forbidden' | 'unavailable' | 'network' } | { key: 'server'; status: number };

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; query: string }
  | { status: 'done'; query: string; customers: CustomerRow[] }
  | { status: 'failed'; query: string; error: SearchError };

function searchError(err: unknown): SearchError {
  if (!(err instanceof ApiError)) return { key: 'network' };
  if (err.status === 401) window.location.assign('/login');
  if (err.status === 400 || err.status === 422) return { key: 'badQuery' };
  if (err.status === 403) return { key: 'forbidden' };
  if (err.status === 404 || err.status === 501) return { key: 'unavailable' };
  return { key: 'server', status: err.status };
}

/** GET /api/customers?q=; a newer search cancels the one still in flight. */
export function useCustomerSearch() {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const inFlight = useRef<AbortController | null>(null);

  const search = useCallback(async (query: string) => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setState({ status: 'searching', query });
    try {
      const { customers } = await apiFetch<{ customers: CustomerRow[] }>(`/api/customers?q=${encodeURIComponent(query)}`, { signal: controller.signal });
      setState({ status: 'done', query, customers: Array.isArray(customers) ? customers : [] });
    } catch (err) {
      if (!controller.signal.aborted) setState({ status: 'failed', query, error: searchError(err) });
    }
  }, []);

  return { state, search };
}
