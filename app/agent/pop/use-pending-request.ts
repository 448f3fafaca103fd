'use client';

import { useCallback, useState } from 'react';
import { requestError, type RequestError } from '../../lib/api-error';

/** Runs one request at a time for a form or button, keeping its busy flag and translated-error key. */
export function usePendingRequest() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RequestError | null>(null);
  const run = useCallback(async <T,>(request: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await request();
    } catch (err) {
      setError(requestError(err));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
