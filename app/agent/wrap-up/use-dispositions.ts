'use client';

import { useCallback, useEffect, useState } from 'react';
import { apiFetch } from '../../lib/api';

type State = { status: 'loading' } | { status: 'ready'; dispositions: string[] } | { status: 'failed' };

// One list for every pop on the page: admins change it rarely, agents wrap up many calls.
let cached: Promise<string[]> | null = null;
const load = () => (cached ??= apiFetch<{ dispositions: string[] }>('/api/settings/dispositions').then((r) => r.dispositions));

/** GET /api/settings/dispositions, once per page; `retry` after a failure asks again. */
export function useDispositions() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    load().then(
      (dispositions) => live && setState({ status: 'ready', dispositions }),
      () => {
        cached = null;
        if (live) setState({ status: 'failed' });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}
