'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { apiFetch } from '../../lib/api';

interface ImportSummary {
  id: string;
  kind: 'customers' | 'orders';
  status: 'running' | 'done' | 'failed';
  fileName: string | null;
  processedRows: number;
  failedRows: number;
  createdAt: string;
}

/** The last imports (GET /api/imports), with their rejected rows to download; `refresh` reloads. */
export function RecentImports({ refresh }: { refresh: number }) {
  const t = useTranslations('imports');
  const format = useFormatter();
  const [imports, setImports] = useState<ImportSummary[] | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    apiFetch<{ imports: ImportSummary[] }>('/api/imports', { signal: controller.signal })
      .then(({ imports: list }) => setImports(list))
      .catch(() => {}); // the list is a convenience; the form above still works without it
    return () => controller.abort();
  }, [refresh]);

  if (!imports) return null;
  return (
    <section className="mt-8 max-w-2xl" aria-labelledby="recent-imports-heading" data-testid="recent-imports">
      <h2 id="recent-imports-heading" className="mb-2 text-sm font-semibold text-slate-900">
        {t('recent')}
      </h2>
      {imports.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noRecent')}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm shadow-sm">
          {imports.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2">
              <span className="text-slate-500">{format.dateTime(new Date(item.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}</span>
              <span className="font-medium text-slate-900">{item.fileName ?? t(item.kind === 'customers' ? 'kindCustomers' : 'kindOrders')}</span>
              <span className="text-slate-600">{t(item.kind === 'customers' ? 'kindCustomers' : 'kindOrders')}</span>
              <span className="text-slate-600">{t(`status.${item.status}`)}</span>
              <span className="text-slate-600">{t('counts', { processed: item.processedRows, failed: item.failedRows })}</span>
              {(item.failedRows > 0 || item.status === 'failed') && (
                <a href={`/api/imports/${item.id}/errors.csv`} className="text-indigo-700 hover:underline">
                  {t('errorsCsv')}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
