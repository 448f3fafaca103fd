'use client';

import { useLocale, useTranslations } from 'next-intl';
import { usePagedList } from '../../lib/use-paged-list';
import { formatDateTime } from '../../lib/format';
import type { TimelineItem } from './customer-types';
import { useStatusLabel } from '../../components/status-label';

/** Where each kind's status word is translated. */
const STATUS_WORDS = { interaction: 'channel', call: 'callState', complaint: 'complaints.status', followup: 'followups.status' } as const;

const TONE: Record<TimelineItem['kind'], string> = {
  interaction: 'bg-slate-100 text-slate-700',
  call: 'bg-sky-100 text-sky-900',
  complaint: 'bg-rose-100 text-rose-900',
  followup: 'bg-amber-100 text-amber-900',
};

/** GET /api/customers/:id/timeline, newest first, older pages on demand. */
export function CustomerTimeline({ customerId }: { customerId: string }) {
  const t = useTranslations('customer360');
  const locale = useLocale();
  const statusLabel = useStatusLabel();
  const { items, loading, failed, more } = usePagedList<TimelineItem>(`/api/customers/${customerId}/timeline`, 'items', 20);

  return (
    <section aria-labelledby="timeline-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="timeline-heading" className="mb-3 text-sm font-semibold text-slate-900">
        {t('timeline')}
      </h2>
      {failed && (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {t('timelineFailed')}
        </p>
      )}
      {!loading && !failed && items.length === 0 && <p className="text-sm text-slate-600">{t('timelineEmpty')}</p>}
      <ol className="space-y-2" data-testid="customer-timeline">
        {items.map((item) => (
          <li key={`${item.kind}-${item.id}`} data-testid="timeline-item" data-kind={item.kind} className="flex gap-3 text-sm">
            <time dateTime={item.at} className="w-36 shrink-0 text-xs text-slate-500">
              {formatDateTime(item.at, locale)}
            </time>
            <span className={`h-fit rounded px-1.5 py-0.5 text-xs font-medium ${TONE[item.kind]}`}>{t(`kind.${item.kind}`)}</span>
            <span className="text-slate-800">
              {item.summary}
              <span className="ml-2 text-xs text-slate-500">
                {statusLabel(STATUS_WORDS[item.kind], item.status)}
                {item.agent && ` · ${item.agent.name}`}
              </span>
            </span>
          </li>
        ))}
      </ol>
      {more && (
        <button type="button" disabled={loading} onClick={more} className="mt-3 rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-60">
          {t('loadMore')}
        </button>
      )}
    </section>
  );
}
