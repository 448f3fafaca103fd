'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { apiFetch, ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import type { Segment } from '../../../server/realtime/events';
import { PageHeading } from '../../components/page-heading';
import { SegmentBadge } from '../../components/segment-badge';
import { ComplaintActions } from '../complaint-actions';
import type { ComplaintDetail } from '../complaint-types';
import { DeadlineBadge } from '../deadline-badge';
import { EventTrail } from '../event-trail';
import { LevelBadge, StatusBadge } from '../status-badge';
import { useComplaintRefresh } from '../use-complaint-refresh';

type Load = { status: 'loading' } | { status: 'ready'; complaint: ComplaintDetail } | { status: 'missing' } | { status: 'error' };

/** One complaint: what, whose, its deadlines ticking, the actions its status allows, and its full trail. */
export function ComplaintDetailView({ id }: { id: string }) {
  const t = useTranslations('complaints');
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  const refresh = useCallback(() => {
    apiFetch<ComplaintDetail>(`/api/complaints/${encodeURIComponent(id)}`)
      .then((complaint) => setLoad({ status: 'ready', complaint }))
      .catch((err: unknown) => {
        if (err instanceof ApiError && (err.status === 404 || err.status === 400)) setLoad({ status: 'missing' });
        else setLoad((current) => (current.status === 'ready' ? current : { status: 'error' }));
      });
  }, [id]);
  useEffect(refresh, [refresh]);
  useComplaintRefresh(refresh, (complaintId) => complaintId === id);

  const back = (
    <Link href="/complaints" className="text-sm font-medium text-indigo-700 underline">
      {t('detail.back')}
    </Link>
  );
  if (load.status === 'loading') {
    return (
      <p role="status" className="text-sm text-slate-500">
        {t('loading')}
      </p>
    );
  }
  if (load.status !== 'ready') {
    return (
      <div className="space-y-3">
        <p role="alert" data-testid="complaint-missing" className="rounded-md bg-amber-50 p-4 text-sm text-amber-900">
          {load.status === 'missing' ? t('detail.notFound') : t('detail.loadFailed')}
        </p>
        {back}
      </div>
    );
  }
  const c = load.complaint;
  return (
    <div className="space-y-6" data-testid="complaint-detail" data-complaint-id={c.id} data-status={c.status} data-level={c.level}>
      <PageHeading title={c.summary} subtitle={`${t('detail.title')} · ${c.category}`} aside={back} />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <Facts complaint={c} />
        <ComplaintActions complaint={c} onChanged={(complaint) => setLoad({ status: 'ready', complaint })} />
      </div>
      <EventTrail events={c.events} />
    </div>
  );
}

function Facts({ complaint: c }: { complaint: ComplaintDetail }) {
  const t = useTranslations('complaints');
  const tSeverity = useTranslations('severity');
  const locale = useLocale();
  const severity = (['low', 'medium', 'high', 'critical'] as const).find((s) => s === c.severity);
  const deadline = (iso: string | null, kind: 'respond' | 'resolve') =>
    iso ? <DeadlineBadge deadline={{ kind, at: iso }} /> : <span className="text-sm text-slate-500">{t('detail.met')}</span>;
  const rows: Array<[string, ReactNode]> = [
    [t('detail.customer'), (
      <span key="c" className="flex items-center gap-2">
        <span data-testid="complaint-customer">{c.customer.name}</span>
        <SegmentBadge segment={c.customer.segment as Segment | null} />
      </span>
    )],
    [t('columns.status'), <StatusBadge key="s" status={c.status} />],
    [t('columns.level'), <span key="l" className="flex items-center gap-2"><LevelBadge level={c.level} />{c.topLevelOverdueAt && <span className="text-sm font-medium text-red-700">{t('topOverdue')}</span>}</span>],
    [t('detail.assignee'), c.assignee?.name ?? t('unassigned')],
    [t('detail.respondBy'), deadline(c.respondBy, 'respond')],
    [t('detail.resolveBy'), deadline(c.resolveBy, 'resolve')],
    [t('detail.severity'), severity ? tSeverity(severity) : c.severity],
    [t('detail.policy'), c.policy],
    [t('detail.created'), formatDateTime(c.createdAt, locale)],
  ];
  if (c.order) rows.push([t('detail.order'), c.order.externalId]);
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className="mt-0.5 text-sm text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4">
        <h2 className="text-xs font-medium uppercase tracking-wide text-slate-500">{t('detail.description')}</h2>
        <p className="mt-1 whitespace-pre-wrap text-sm text-slate-800">{c.description ?? t('detail.noDescription')}</p>
      </div>
    </section>
  );
}
