'use client';

import { useTranslations } from 'next-intl';
import { explainRfm, type RfmReasonKey } from '../../../server/customers/value/explain-rfm';
import { SegmentBadge } from '../../components/segment-badge';
import type { CustomerProfileData } from './customer-types';

type ReasonMessage =
  | 'reasons.noOrders'
  | 'reasons.recency.recent'
  | 'reasons.recency.average'
  | 'reasons.recency.lapsed'
  | 'reasons.frequency.frequent'
  | 'reasons.frequency.rare'
  | 'reasons.monetary.high'
  | 'reasons.monetary.average'
  | 'reasons.monetary.low'
  | 'reasons.perOrder.high'
  | 'reasons.perOrder.low'
  | 'reasons.margin.loss';

/** explainRfm's keys (`customerValue.*`) → this page's messages (`customer360.reasons.*`). */
const reasonMessage = (key: RfmReasonKey) => key.replace(/^customerValue\./, 'reasons.') as ReasonMessage;

/** The segment badge, the three scores and why, in sentences. */
export function CustomerValuePanel({ customer, compact = false }: { customer: CustomerProfileData; compact?: boolean }) {
  const t = useTranslations('customer360');
  const info = useTranslations('segmentInfo');
  const badge = (
    <span data-testid={compact ? 'customer-segment-heading' : 'customer-segment'} data-segment={customer.segment ?? 'none'}>
      <SegmentBadge segment={customer.segment} className="text-sm" />
    </span>
  );
  if (compact) return badge;
  // The server words the reasons from what the value run judged on; older data falls back to the scores.
  const reasons = customer.valueReasons ?? explainRfm(customer.rfm);
  return (
    <section aria-labelledby="value-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="customer-value">
      <h2 id="value-heading" className="mb-2 text-sm font-semibold text-slate-900">
        {t('value')}
      </h2>
      <div className="flex items-center gap-2">
        {badge}
        <span className="text-sm text-slate-600">{info(customer.segment ?? 'none')}</span>
      </div>
      {customer.rfm && (
        <ul className="mt-3 flex gap-2" data-testid="customer-rfm">
          {(['recency', 'frequency', 'monetary'] as const).map((part) => (
            <li key={part} className="rounded bg-slate-100 px-2 py-1 text-xs text-slate-700">
              {t('rfmScore', { name: t(part), score: customer.rfm![part] })}
            </li>
          ))}
        </ul>
      )}
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700" data-testid="customer-rfm-reasons">
        {reasons.map((r) => (
          <li key={r.key}>{t(reasonMessage(r.key))}</li>
        ))}
      </ul>
    </section>
  );
}
