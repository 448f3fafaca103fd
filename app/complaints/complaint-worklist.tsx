'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { apiFetch } from '../lib/api';
import { useUser } from '../lib/session';
import type { Segment } from '../../server/realtime/events';
import { SegmentBadge } from '../components/segment-badge';
import type { ComplaintListItem } from './complaint-types';
import { DeadlineBadge } from './deadline-badge';
import { LevelBadge, StatusBadge } from './status-badge';
import { useComplaintRefresh } from './use-complaint-refresh';

const VIEWS = ['mine', 'team', 'escalated'] as const;
type View = (typeof VIEWS)[number];
const QUERY: Record<View, string> = { mine: 'mine=1', team: 'team=1', escalated: 'escalatedToMe=1' };
const CELL = 'px-3 py-2 align-top';

type Load = { status: 'loading' } | { status: 'ready'; complaints: ComplaintListItem[] } | { status: 'error' };

/** Mine, my team's, and what escalated to me, nearest deadline first, with the time left ticking. */
export function ComplaintWorklist() {
  const t = useTranslations('complaints');
  const user = useUser();
  const [view, setView] = useState<View>(user.role === 'supervisor' ? 'escalated' : 'mine');
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  const refresh = useCallback(() => {
    apiFetch<{ complaints: ComplaintListItem[] }>(`/api/complaints?${QUERY[view]}`)
      .then(({ complaints }) => setLoad({ status: 'ready', complaints }))
      .catch(() => setLoad((current) => (current.status === 'ready' ? current : { status: 'error' })));
  }, [view]);

  useEffect(() => {
    setLoad({ status: 'loading' });
    refresh();
  }, [refresh]);
  useComplaintRefresh(refresh);

  return (
    <section aria-labelledby="complaint-views" className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="complaint-views" className="sr-only">
          {t('views.label')}
        </h2>
        <div role="tablist" aria-label={t('views.label')} className="inline-flex rounded-lg border border-slate-200 bg-white p-1 shadow-sm">
          {VIEWS.map((v) => (
            <button
              key={v}
              role="tab"
              type="button"
              aria-selected={view === v}
              data-testid={`complaints-view-${v}`}
              onClick={() => setView(v)}
              className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:text-slate-900 aria-selected:bg-indigo-600 aria-selected:text-white"
            >
              {t(`views.${v}`)}
            </button>
          ))}
        </div>
        <button type="button" onClick={refresh} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50">
          {t('refresh')}
        </button>
        {user.role === 'admin' && (
          <Link href="/admin/escalation-policies" className="ml-auto text-sm font-medium text-indigo-700 underline">
            {t('policies.link')}
          </Link>
        )}
      </div>
      {load.status === 'loading' && (
        <p role="status" className="text-sm text-slate-500">
          {t('loading')}
        </p>
      )}
      {load.status === 'error' && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {t('form.errors.network')}
        </p>
      )}
      {load.status === 'ready' && load.complaints.length === 0 && (
        <p data-testid="complaints-empty" className="rounded-xl border-2 border-dashed border-slate-200 bg-white/60 p-8 text-center text-sm text-slate-500">
          {t(`emptyView.${view}`)}
        </p>
      )}
      {load.status === 'ready' && load.complaints.length > 0 && <ComplaintTable complaints={load.complaints} view={view} />}
    </section>
  );
}

function ComplaintTable({ complaints, view }: { complaints: ComplaintListItem[]; view: View }) {
  const t = useTranslations('complaints');
  const columns = ['summary', 'customer', 'level', 'status', 'severity', 'deadline', 'assignee'] as const;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="complaint-list" data-view={view}>
        <caption className="sr-only">{t('tableCaption')}</caption>
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className="px-3 py-2">
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {complaints.map((c) => (
            <tr key={c.id} data-testid="complaint-row" data-complaint-id={c.id} data-level={c.level}>
              <th scope="row" className={`${CELL} text-left font-medium text-slate-900`}>
                <Link href={`/complaints/${c.id}`} className="hover:underline">
                  {c.summary}
                </Link>
                <div className="text-xs font-normal text-slate-500">{c.category}</div>
              </th>
              <td className={CELL}>
                <div className="text-slate-900">{c.customer.name}</div>
                <SegmentBadge segment={c.customer.segment as Segment | null} className="mt-1" />
              </td>
              <td className={CELL}>
                <LevelBadge level={c.level} />
              </td>
              <td className={CELL}>
                <StatusBadge status={c.status} />
              </td>
              <td className={CELL}>
                <SeverityText severity={c.severity} />
              </td>
              <td className={CELL}>
                <DeadlineBadge deadline={c.nextDeadline} topOverdue={c.topLevelOverdueAt !== null} />
              </td>
              <td className={`${CELL} text-slate-700`}>{c.assignee?.name ?? t('unassigned')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SeverityText({ severity }: { severity: string }) {
  const t = useTranslations('severity');
  const known = ['low', 'medium', 'high', 'critical'] as const;
  const s = known.find((k) => k === severity);
  const tone = s === 'critical' ? 'text-red-700 font-semibold' : s === 'high' ? 'text-amber-800 font-medium' : 'text-slate-700';
  return <span className={tone}>{s ? t(s) : severity}</span>;
}
