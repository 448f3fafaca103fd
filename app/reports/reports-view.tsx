'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { apiFetch, ApiError } from '../lib/api';
import { BarChart, seriesColour } from './bar-chart';

type Name = 'calls' | 'complaints' | 'followups' | 'customers';
type Column =
  | 'day' | 'month' | 'offered' | 'answered' | 'abandoned' | 'missed' | 'opened' | 'closed' | 'avgHoursToResolve'
  | 'medianHoursToResolve' | 'done' | 'failed' | 'cancelled' | 'new' | 'churned' | 'upgraded' | 'downgraded';
const NAMES: Name[] = ['calls', 'complaints', 'followups', 'customers'];
/** The counts drawn as bars. */
const SERIES: Record<Name, Column[]> = {
  calls: ['answered', 'abandoned', 'missed'],
  complaints: ['opened', 'closed'],
  followups: ['done', 'failed'],
  customers: ['new', 'churned', 'upgraded', 'downgraded'],
};

/** A second chart where a report has a measure other than counts. */
const SECOND_CHART: Partial<Record<Name, Column[]>> = { complaints: ['medianHoursToResolve', 'avgHoursToResolve'] };

interface Report {
  columns: Column[];
  rows: Array<Record<string, unknown>>;
}

/** YYYY-MM-DD of the browser's own calendar: toISOString's UTC date is yesterday before 08:00 in Shanghai. */
const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The colour key of a chart's series. */
function Legend({ series, label }: { series: Column[]; label: (s: Column) => string }) {
  return (
    <ul className="flex flex-wrap gap-3 pt-1 text-xs text-slate-600">
      {series.map((s, i) => (
        <li key={s} className="flex items-center gap-1">
          <span className="inline-block h-2 w-2 rounded-sm" style={{ background: seriesColour(i) }} />
          {label(s)}
        </li>
      ))}
    </ul>
  );
}

export function ReportsView() {
  const t = useTranslations('reports');
  const [name, setName] = useState<Name>('calls');
  const [range, setRange] = useState(() => {
    const to = new Date();
    return { from: isoDay(new Date(to.getTime() - 29 * 86_400_000)), to: isoDay(to) };
  });
  const [state, setState] = useState<{ status: 'loading' } | { status: 'failed'; code: number } | { status: 'ready'; report: Report }>({ status: 'loading' });
  const tz = typeof Intl !== 'undefined' ? Intl.DateTimeFormat().resolvedOptions().timeZone : 'UTC';
  const query = `from=${range.from}&to=${range.to}&tz=${encodeURIComponent(tz)}`;

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', report: await apiFetch<Report>(`/api/reports/${name}?${query}`) });
    } catch (err) {
      setState({ status: 'failed', code: err instanceof ApiError ? err.status : 0 });
    }
  }, [name, query]);

  useEffect(() => {
    void load();
  }, [load]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setRange({ from: String(form.get('from')), to: String(form.get('to')) });
  }

  return (
    <div className="space-y-4">
      <div role="tablist" className="flex flex-wrap gap-1">
        {NAMES.map((n) => (
          <button
            key={n}
            role="tab"
            aria-selected={n === name}
            data-testid={`report-tab-${n}`}
            onClick={() => setName(n)}
            className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 aria-selected:bg-indigo-600 aria-selected:text-white"
          >
            {t(`names.${n}`)}
          </button>
        ))}
      </div>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3 text-sm">
        <label className="text-xs font-medium text-slate-600">
          {t('from')}
          <input type="date" name="from" defaultValue={range.from} className="mt-1 block rounded-md border border-slate-300 px-2 py-1" />
        </label>
        <label className="text-xs font-medium text-slate-600">
          {t('to')}
          <input type="date" name="to" defaultValue={range.to} className="mt-1 block rounded-md border border-slate-300 px-2 py-1" />
        </label>
        <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 font-semibold text-white hover:bg-indigo-500">
          {t('show')}
        </button>
        <a href={`/api/reports/${name}.csv?${query}`} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50" data-testid="report-csv">
          {t('download')}
        </a>
      </form>
      {state.status === 'loading' && <p className="text-sm text-slate-600">{t('loading')}</p>}
      {state.status === 'failed' && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {t('loadFailed', { status: state.code })}
        </p>
      )}
      {state.status === 'ready' && (
        <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="report" data-report={name}>
          <h2 className="text-sm font-semibold text-slate-900">{t(`names.${name}`)}</h2>
          <Legend series={SERIES[name]} label={(s) => t(`columns.${s}`)} />
          {state.report.rows.every((r) => SERIES[name].every((s) => !Number(r[s] ?? 0))) && <p className="text-sm text-slate-600">{t('empty')}</p>}
          <BarChart rows={state.report.rows} label={state.report.columns[0]!} series={SERIES[name]} seriesLabel={(s) => t(`columns.${s as Column}`)} title={t(`names.${name}`)} />
          {SECOND_CHART[name] && (
            <>
              <Legend series={SECOND_CHART[name]} label={(s) => t(`columns.${s}`)} />
              <BarChart rows={state.report.rows} label={state.report.columns[0]!} series={SECOND_CHART[name]} seriesLabel={(s) => t(`columns.${s as Column}`)} title={t('resolveChart')} />
            </>
          )}
          <div className="max-h-80 overflow-auto">
            <table className="min-w-full text-sm" data-testid="report-table">
              <thead className="sticky top-0 bg-white text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  {state.report.columns.map((c) => (
                    <th key={c} scope="col" className="py-1 pr-3">
                      {t(`columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 tabular-nums">
                {state.report.rows.map((r) => (
                  <tr key={String(r[state.report.columns[0]!])}>
                    {state.report.columns.map((c) => (
                      <td key={c} className="py-1 pr-3">
                        {r[c] === null ? '—' : String(r[c])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
