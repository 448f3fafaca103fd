'use client';

import { useLocale, useTranslations } from 'next-intl';
import { usePagedList } from '../../lib/use-paged-list';
import { formatDateTime, formatMoney } from '../../lib/format';
import type { CustomerOrder } from './customer-types';
import { useStatusLabel } from '../../components/status-label';

const PAGE = 50;

/** GET /api/customers/:id/orders, newest first, older pages on demand. */
export function OrdersTable({ customerId }: { customerId: string }) {
  const t = useTranslations('customer360');
  const locale = useLocale();
  const statusLabel = useStatusLabel();
  const { items: orders, loading, failed, more } = usePagedList<CustomerOrder>(`/api/customers/${customerId}/orders`, 'orders', PAGE);

  const columns = ['externalId', 'placedAt', 'status', 'total'] as const;
  return (
    <section aria-labelledby="orders-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="orders-heading" className="mb-3 text-sm font-semibold text-slate-900">
        {t('orders')}
      </h2>
      {failed && (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {t('ordersFailed')}
        </p>
      )}
      {orders.length === 0 && !loading && !failed ? (
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
              <tr key={o.id} data-testid="customer-order">
                <td className="py-1 pr-3 font-mono">{o.externalId}</td>
                <td className="py-1 pr-3">{formatDateTime(o.placedAt, locale)}</td>
                <td className="py-1 pr-3">{statusLabel('orderStatus', o.status)}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{formatMoney(o.total, o.currency, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more && (
        <button type="button" disabled={loading} onClick={more} data-testid="orders-more" className="mt-3 rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-60">
          {t('loadMore')}
        </button>
      )}
    </section>
  );
}
