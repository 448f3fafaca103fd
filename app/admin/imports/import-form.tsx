'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { apiFetch } from '../../lib/api';

interface ImportStatus {
  id: string;
  status: 'running' | 'done' | 'failed';
  processedRows: number;
  failedRows: number;
  totalBytes: number | null;
  bytesRead: number;
}

// Twice a second: the bar moves smoothly and a million-row import costs ~100 cheap polls a minute.
const POLL_MS = 500;

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Streams the file to POST /api/imports/{kind}?id=… and polls GET /api/imports/{id} meanwhile. */
export function ImportForm({ onFinished }: { onFinished?: () => void }) {
  const t = useTranslations('imports');
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const polling = useRef<ReturnType<typeof setInterval> | null>(null);

  useEffect(() => () => {
    if (polling.current) clearInterval(polling.current);
  }, []);

  // Leaving the page aborts the upload: the browser asks first while one is running.
  const running = status?.status === 'running';
  useEffect(() => {
    if (!running) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [running]);

  async function poll(id: string) {
    try {
      setStatus(await apiFetch<ImportStatus>(`/api/imports/${id}`));
    } catch {
      // not created yet, or a blip: the next poll tries again
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    const kind = String(form.get('kind'));
    if (!(file instanceof File) || file.size === 0) return;
    const id = crypto.randomUUID();
    setError(null);
    setStatus({ id, status: 'running', processedRows: 0, failedRows: 0, totalBytes: file.size, bytesRead: 0 });
    polling.current = setInterval(() => void poll(id), POLL_MS);
    try {
      const res = await fetch(`/api/imports/${kind}?id=${id}&fileName=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'text/csv' },
        body: file,
      });
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      // 422: the file could not be read at all (no header, a missing column…); say why.
      if (!res.ok) setError(body.error ?? res.statusText);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      if (polling.current) clearInterval(polling.current);
      polling.current = null;
      await poll(id);
      onFinished?.();
    }
  }

  const percent = status?.totalBytes ? Math.min(100, Math.round((status.bytesRead / status.totalBytes) * 100)) : status?.status === 'done' ? 100 : 0;
  return (
    <div className="max-w-2xl space-y-4">
      <form onSubmit={submit} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <fieldset className="flex gap-4 text-sm">
          <legend className="mb-1 text-xs font-medium text-slate-600">{t('kind')}</legend>
          <label className="flex items-center gap-1">
            <input type="radio" name="kind" value="customers" defaultChecked /> {t('kindCustomers')}
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="kind" value="orders" /> {t('kindOrders')}
          </label>
        </fieldset>
        <label className="block text-xs font-medium text-slate-600">
          {t('file')}
          <input type="file" name="file" accept=".csv,text/csv" required className="mt-1 block text-sm" data-testid="import-file" />
        </label>
        <p className="text-xs text-slate-500">{t('columnsHelp')}</p>
        <button type="submit" disabled={status?.status === 'running'} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-60">
          {t('start')}
        </button>
      </form>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {t('failed', { message: error })}
        </p>
      )}
      {status && (
        <section className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="import-status" data-status={status.status}>
          <div className="flex justify-between text-sm">
            <span className="font-medium">{t(`status.${status.status}`)}</span>
            <span className="text-slate-600">{t('bytes', { read: size(status.bytesRead), total: size(status.totalBytes ?? status.bytesRead) })}</span>
          </div>
          <div role="progressbar" aria-label={t('progress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 overflow-hidden rounded bg-slate-100" data-testid="import-progress">
            <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-sm text-slate-700" data-testid="import-counts">
            {t('counts', { processed: status.processedRows, failed: status.failedRows })}
          </p>
          {(status.failedRows > 0 || status.status === 'failed') && (
            <a href={`/api/imports/${status.id}/errors.csv`} className="text-sm text-indigo-700 hover:underline" data-testid="import-errors-link">
              {t('errorsCsv')}
            </a>
          )}
        </section>
      )}
    </div>
  );
}
