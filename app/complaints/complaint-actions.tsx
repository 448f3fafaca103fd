'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { apiFetch } from '../lib/api';
import { requestError, type RequestError } from '../lib/api-error';
import { requiresNote, transition, type ComplaintAction } from '../../server/complaints/policy/transition';
import type { ComplaintDetail, ComplaintStatus } from './complaint-types';
import { RequestErrorMessage } from './request-error-message';

const ACTIONS: readonly ComplaintAction[] = ['acknowledge', 'start', 'resolve', 'close', 'reopen'];

function allowed(status: ComplaintStatus, action: ComplaintAction): boolean {
  try {
    transition(status, action);
    return true;
  } catch {
    return false;
  }
}

/** The lifecycle buttons the complaint's status allows (the server's own rules); resolve and close ask a note. */
export function ComplaintActions({ complaint, onChanged }: { complaint: ComplaintDetail; onChanged: (next: ComplaintDetail) => void }) {
  const t = useTranslations('complaints.actions');
  const tDetail = useTranslations('complaints.detail');
  const noteId = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<ComplaintAction | null>(null);
  const [error, setError] = useState<RequestError | 'noteRequired' | null>(null);
  const [done, setDone] = useState(false);

  if (!complaint.canChange) {
    return <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-600">{tDetail('readOnly')}</p>;
  }
  const available = ACTIONS.filter((a) => allowed(complaint.status as ComplaintStatus, a));

  async function act(action: ComplaintAction) {
    setDone(false);
    if (requiresNote(action) && !note.trim()) {
      setError('noteRequired');
      return;
    }
    setBusy(action);
    setError(null);
    try {
      const next = await apiFetch<ComplaintDetail>(`/api/complaints/${complaint.id}/${action}`, { method: 'POST', body: requiresNote(action) ? { note: note.trim() } : {} });
      if (requiresNote(action)) setNote('');
      setDone(true);
      onChanged(next);
    } catch (err) {
      setError(requestError(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-label={t('label')} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="complaint-actions">
      {(available.includes('resolve') || available.includes('close')) && (
        <div>
          <label htmlFor={noteId} className="block text-sm font-medium text-slate-700">
            {t('note')}
          </label>
          <textarea
            id={noteId}
            data-testid="complaint-note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={3}
            maxLength={10_000}
            aria-describedby={`${noteId}-hint`}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
          />
          <p id={`${noteId}-hint`} className="mt-1 text-xs text-slate-500">
            {t('noteHint')}
          </p>
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        {available.map((action) => (
          <button
            key={action}
            type="button"
            data-testid={`complaint-action-${action}`}
            disabled={busy !== null}
            onClick={() => void act(action)}
            className={`rounded-md px-3 py-1.5 text-sm font-semibold shadow-sm disabled:opacity-60 ${action === 'resolve' || action === 'acknowledge' ? 'bg-indigo-600 text-white hover:bg-indigo-500' : 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50'}`}
          >
            {busy === action ? t('working') : t(action)}
          </button>
        ))}
      </div>
      {error === 'noteRequired' && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {t('noteRequired')}
        </p>
      )}
      {error && error !== 'noteRequired' && <RequestErrorMessage error={error} />}
      {done && !error && (
        <p role="status" className="text-sm text-emerald-700">
          {t('done')}
        </p>
      )}
    </section>
  );
}
