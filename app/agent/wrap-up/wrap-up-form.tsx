'use client';

import { useId, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { apiFetch } from '../../lib/api';
import { RequestErrorText } from '../pop/request-error-text';
import { usePendingRequest } from '../pop/use-pending-request';
import { AvailableAgain } from './available-again';
import { DispositionSelect } from './disposition-select';

/** Disposition and notes after the call → POST /api/calls/{id}/wrapup (again = an edit). */
export function WrapUpForm({ callId, done, onDone }: { callId: string; done: boolean; onDone: () => void }) {
  const t = useTranslations('wrapUp');
  const id = useId();
  const { busy, error, run } = usePendingRequest();
  const [missing, setMissing] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const disposition = String(data.get('disposition') ?? '');
    setMissing(!disposition);
    if (!disposition) return;
    const ok = await run(() => apiFetch(`/api/calls/${encodeURIComponent(callId)}/wrapup`, { method: 'POST', body: { disposition, notes: String(data.get('notes') ?? '') } }));
    if (ok) onDone();
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="wrapup-form" aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-slate-50 p-4">
      <h4 id={`${id}-title`} className="text-sm font-semibold text-slate-900">{t('title')}</h4>
      <div className="mt-3 grid gap-3 md:grid-cols-[14rem_1fr]">
        <div>
          <label htmlFor={`${id}-disposition`} className="block text-sm font-medium text-slate-700">{t('disposition')}</label>
          <DispositionSelect id={`${id}-disposition`} />
        </div>
        <div>
          <label htmlFor={`${id}-notes`} className="block text-sm font-medium text-slate-700">{t('notes')}</label>
          <textarea
            id={`${id}-notes`}
            name="notes"
            rows={3}
            maxLength={10_000}
            aria-describedby={`${id}-hint`}
            data-testid="wrapup-notes"
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
          />
          <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">{t('notesHint')}</p>
        </div>
      </div>
      {missing && <p role="alert" data-testid="wrapup-missing" className="mt-2 text-sm text-red-800">{t('required')}</p>}
      {error && <RequestErrorText error={error} />}
      <div className="mt-3 flex flex-wrap items-center gap-3" aria-live="polite">
        <button type="submit" disabled={busy} data-testid="wrapup-submit" className="rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60">
          {busy ? t('submitting') : done ? t('update') : t('submit')}
        </button>
        {done && !busy && (
          <>
            <span data-testid="wrapup-saved" className="text-sm font-medium text-emerald-700">{t('saved')}</span>
            <AvailableAgain />
          </>
        )}
      </div>
    </form>
  );
}
