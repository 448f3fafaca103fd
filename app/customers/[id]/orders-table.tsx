'use client';

import { useLocale, useTranslations } from 'next-intl';
import { formatDateTime, formatMoney } from '../../lib/format';
import type { CustomerOrder } from './customer-types';
import { useStatusLabel } from '../../components/status-label';

/** The newest orders (at most 20, as on the pop). */
export function OrdersTable({ orders }: { orders: CustomerOrder[] }) {
  const t = useTranslations('customer360');
  const locale = useLocale();
  const statusLabel = useStatusLabel();
  const columns = ['externalId', 'placedAt', 'status', 'total'] as const;
  return (
    <section aria-labelledby="orders-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="orders-heading" className="mb-3 text-sm font-semibold text-slate-900">
        {t('orders')}
      </h2>
      {orders.length === 0 ? (
        <p className="text-sm text-slate-600">{t('ordersEmpty')}</p>
      ) : (
        <table className="min-w-full text-sm" data-testid="customer-orders">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col" className={`py-1 pr-3 ${c === 'total' ? 'text-right' : ''}`}>
                  {t(`orderColumns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {orders.map((o) => (
              <tr key={o.id}>
                <td className="py-1 pr-3 font-mono">{o.externalId}</td>
                <td className="py-1 pr-3">{formatDateTime(o.placedAt, locale)}</td>
                <td className="py-1 pr-3">{statusLabel('orderStatus', o.status)}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{formatMoney(o.total, o.currency, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
