'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { apiFetch } from '../lib/api';

interface QueueRow {
  id: string;
  name: string;
  numbers: string[];
  serviceLevelSeconds: number;
  prioritiseGold: boolean;
}
type RowState = { status: 'idle' | 'saving' | 'saved' } | { status: 'failed'; message: string };

/** The queues, each with its "gold callers first" switch (PATCH /api/queues/{id}). */
export function QueueSettings() {
  const t = useTranslations('admin.queues');
  const [queues, setQueues] = useState<QueueRow[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [rows, setRows] = useState<Record<string, RowState>>({});

  useEffect(() => {
    const controller = new AbortController();
    apiFetch<{ queues: QueueRow[] }>('/api/queues', { signal: controller.signal })
      .then(({ queues: list }) => setQueues(list))
      .catch((err: unknown) => !controller.signal.aborted && setLoadError(err instanceof Error ? err.message : String(err)));
    return () => controller.abort();
  }, []);

  // Optimistic: the switch moves at once and moves back if the server refuses.
  const applyLocally = (id: string, prioritiseGold: boolean) => setQueues((list) => list?.map((q) => (q.id === id ? { ...q, prioritiseGold } : q)) ?? list);

  async function setGoldFirst(queue: QueueRow, prioritiseGold: boolean) {
    applyLocally(queue.id, prioritiseGold);
    setRows((r) => ({ ...r, [queue.id]: { status: 'saving' } }));
    try {
      await apiFetch(`/api/queues/${queue.id}`, { method: 'PATCH', body: { prioritiseGold } });
      setRows((r) => ({ ...r, [queue.id]: { status: 'saved' } }));
    } catch (err) {
      applyLocally(queue.id, !prioritiseGold);
      setRows((r) => ({ ...r, [queue.id]: { status: 'failed', message: err instanceof Error ? err.message : String(err) } }));
    }
  }

  return (
    <section className="mt-8 max-w-3xl rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="queues-heading">
      <h2 id="queues-heading" className="text-sm font-semibold text-slate-900">
        {t('title')}
      </h2>
      <p className="mt-1 text-xs text-slate-600">{t('intro')}</p>
      {loadError && <p className="mt-3 text-sm text-red-700">{t('loadFailed', { message: loadError })}</p>}
      {queues && queues.length === 0 && <p className="mt-3 text-sm text-slate-600">{t('none')}</p>}
      {queues && queues.length > 0 && (
        <table className="mt-3 w-full text-left text-sm">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-1 pr-3 font-medium">{t('name')}</th>
              <th className="py-1 pr-3 font-medium">{t('numbers')}</th>
              <th className="py-1 pr-3 font-medium">{t('serviceLevel')}</th>
              <th className="py-1 font-medium">{t('goldFirst')}</th>
            </tr>
          </thead>
          <tbody>
            {queues.map((queue) => {
              const state = rows[queue.id] ?? { status: 'idle' };
              return (
                <tr key={queue.id} className="border-t border-slate-100" data-testid={`queue-row-${queue.name}`}>
                  <td className="py-1.5 pr-3 font-medium text-slate-900">{queue.name}</td>
                  <td className="py-1.5 pr-3 font-mono text-xs text-slate-600">{queue.numbers.join(', ') || '—'}</td>
                  <td className="py-1.5 pr-3 text-slate-700">{t('seconds', { seconds: queue.serviceLevelSeconds })}</td>
                  <td className="py-1.5">
                    <label className="inline-flex items-center gap-2">
                      <input
                        type="checkbox"
                        checked={queue.prioritiseGold}
                        disabled={state.status === 'saving'}
                        onChange={(e) => void setGoldFirst(queue, e.target.checked)}
                        aria-label={t('goldFirstFor', { name: queue.name })}
                        className="h-4 w-4 rounded border-slate-300 text-indigo-600"
                      />
                      <span aria-live="polite" className="text-xs">
                        {state.status === 'saved' && <span className="text-emerald-700">{t('saved')}</span>}
                        {state.status === 'failed' && <span className="text-red-700">{t('failed', { message: state.message })}</span>}
                      </span>
                    </label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
