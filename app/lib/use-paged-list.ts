import { useCallback, useEffect, useState } from 'react';
import { apiFetch } from './api';

export interface PagedList<T> {
  items: T[];
  loading: boolean;
  /** The last page could not be loaded; `more()` (or a reload) tries again. */
  failed: boolean;
  /** Loads the next (older) page; null when there is none. */
  more: (() => void) | null;
}

/**
 * A keyset-paged list (`?limit&cursor` → `{[key]: T[], nextCursor}`): the first page on mount,
 * older pages on demand. `path` has no query string; `key` names the array in the answer.
 */
export function usePagedList<T>(path: string, key: string, limit: number): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      try {
        const page = await apiFetch<Record<string, unknown> & { nextCursor: string | null }>(
          `${path}?limit=${limit}${after ? `&cursor=${encodeURIComponent(after)}` : ''}`,
        );
        const got = (page[key] as T[] | undefined) ?? [];
        setItems((prev) => (after ? [...prev, ...got] : got));
        setCursor(page.nextCursor);
        setFailed(false);
      } catch {
        setFailed(true);
      } finally {
        setLoading(false);
      }
    },
    [path, key, limit],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return { items, loading, failed, more: cursor ? () => void load(cursor) : null };
}
