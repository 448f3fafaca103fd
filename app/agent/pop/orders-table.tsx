import { useLocale, useTranslations } from 'next-intl';
import type { PopOrder } from '../../../server/realtime/events';
import { formatDateTime, formatMoney } from '../../lib/format';
import { CELL, HEAD, PopSection, TABLE } from './pop-section';
import { useStatusLabel } from '../../components/status-label';

/** The customer's orders, newest first as the server sent them. */
export function OrdersTable({ orders }: { orders: PopOrder[] }) {
  const t = useTranslations('pop.ordersTable');
  const locale = useLocale();
  const statusLabel = useStatusLabel();
  return (
    <PopSection title={t('title')} empty={t('empty')} count={orders.length} testId="pop-orders">
      <div className="max-h-64 overflow-auto rounded-lg border border-slate-200">
        <table className={TABLE}>
          <thead className={HEAD}>
            <tr>
              <th scope="col" className={CELL}>{t('externalId')}</th>
              <th scope="col" className={CELL}>{t('placedAt')}</th>
              <th scope="col" className={`${CELL} text-right`}>{t('total')}</th>
              <th scope="col" className={CELL}>{t('status')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {orders.map((o) => (
              <tr key={o.id} data-testid="order-row">
                <th scope="row" className={`${CELL} text-left font-mono font-normal`}>{o.externalId}</th>
                <td className={`${CELL} whitespace-nowrap`}>
                  <time dateTime={o.placedAt}>{formatDateTime(o.placedAt, locale)}</time>
                </td>
                <td className={`${CELL} text-right whitespace-nowrap tabular-nums`} data-testid="order-total">{formatMoney(o.total, o.currency, locale)}</td>
                <td className={CELL}>{statusLabel('orderStatus', o.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </PopSection>
  );
}
