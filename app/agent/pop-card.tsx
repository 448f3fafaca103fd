'use client';

import type { ReactNode } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { formatDateTime, formatTime } from '../lib/format';
import { SegmentBadge } from '../components/segment-badge';
import { isFinished, type CallEntry } from './calls';
import { CallStateBadge } from './call-state-badge';
import { PopHistory } from './pop-history';

/** One call as the agent sees it while it rings: who is calling and what we know about them. */
export function PopCard({ call, onDismiss }: { call: CallEntry; onDismiss: () => void }) {
  const t = useTranslations('pop');
  const locale = useLocale();
  const { pop, state } = call;
  const customer = pop.customer;

  return (
    <article
      aria-label={customer?.name ?? pop.from}
      data-testid="call-pop"
      data-call-id={pop.callId}
      data-state={state}
      className={`rounded-xl border bg-white p-5 shadow-sm ${state === 'ringing' ? 'border-indigo-300 ring-2 ring-indigo-100' : 'border-slate-200'}`}
    >
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="text-lg font-semibold text-slate-900" data-testid="pop-caller">
            {customer?.name ?? t('unknownCaller')}
          </h3>
          <p className="text-sm text-slate-600">
            <span className="font-mono">{pop.from}</span>
            {customer && <SegmentBadge segment={customer.segment} className="ml-2" />}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <CallStateBadge state={state} />
          {isFinished(state) && (
            <button type="button" onClick={onDismiss} className="rounded-md px-2 py-1 text-sm text-slate-500 hover:bg-slate-100 hover:text-slate-800">
              {t('dismiss')}
            </button>
          )}
        </div>
      </header>

      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
        <Field label={t('to')} value={<span className="font-mono">{pop.to}</span>} />
        <Field label={t('queue')} value={pop.queue} />
        <Field label={t('startedAt')} value={<time dateTime={pop.startedAt}>{formatTime(pop.startedAt, locale)}</time>} />
        {customer && customer.tags.length > 0 && <Field label={t('tags')} value={customer.tags.join(', ')} />}
      </dl>

      {pop.candidates.length > 1 && <p className="mt-3 text-sm text-amber-700">{t('candidates', { count: pop.candidates.length })}</p>}

      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
        <span>{t('orders', { count: pop.orders.length })}</span>
        <span>{t('openComplaints', { count: pop.complaints.length })}</span>
        <span>{t('followUps', { count: pop.followUps.length })}</span>
      </p>

      <PopHistory history={pop.history} format={(iso) => formatDateTime(iso, locale)} />
    </article>
  );
}

function Field({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="text-slate-900">{value}</dd>
    </div>
  );
}
