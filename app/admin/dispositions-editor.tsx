'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, type FormEvent } from 'react';
import { apiFetch } from '../lib/api';

type State = { status: 'loading' | 'idle' | 'saving' | 'saved' } | { status: 'failed'; message: string };

/** The wrap-up dispositions agents choose from, one per line (PUT /api/settings/dispositions). */
export function DispositionsEditor() {
  const t = useTranslations('admin.dispositions');
  const [text, setText] = useState('');
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    apiFetch<{ dispositions: string[] }>('/api/settings/dispositions', { signal: controller.signal })
      .then(({ dispositions }) => {
        setText(dispositions.join('\n'));
        setState({ status: 'idle' });
      })
      .catch((err: unknown) => !controller.signal.aborted && setState({ status: 'failed', message: err instanceof Error ? err.message : String(err) }));
    return () => controller.abort();
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const dispositions = text.split('\n').map((line) => line.trim()).filter(Boolean);
    setState({ status: 'saving' });
    try {
      const saved = await apiFetch<{ dispositions: string[] }>('/api/settings/dispositions', { method: 'PUT', body: { dispositions } });
      setText(saved.dispositions.join('\n'));
      setState({ status: 'saved' });
    } catch (err) {
      setState({ status: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  }

  return (
    <form onSubmit={submit} className="mt-8 max-w-xl space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="dispositions-heading">
      <h2 id="dispositions-heading" className="text-sm font-semibold text-slate-900">
        {t('title')}
      </h2>
      <label className="block text-xs font-medium text-slate-600">
        {t('label')}
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={8}
          disabled={state.status === 'loading'}
          data-testid="dispositions-input"
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
        />
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={state.status === 'saving' || state.status === 'loading'} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-60">
          {state.status === 'saving' ? t('saving') : t('save')}
        </button>
        <span aria-live="polite" className="text-sm" data-testid="dispositions-status">
          {state.status === 'saved' && <span className="text-emerald-700">{t('saved')}</span>}
          {state.status === 'failed' && <span className="text-red-700">{t('failed', { message: state.message })}</span>}
        </span>
      </div>
    </form>
  );
}
