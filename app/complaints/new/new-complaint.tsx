'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { PopCustomer, PopOrder } from '../../../server/realtime/events';
import { apiFetch } from '../../lib/api';
import { SegmentBadge } from '../../components/segment-badge';
import { OpenComplaintForm } from '../open-complaint-form';

type Load = { status: 'loading' } | { status: 'ready'; customer: PopCustomer & { orders: PopOrder[] } } | { status: 'error' };

/** Loads the customer (GET /api/customers/{id}) for their name and orders, then the form. */
export function NewComplaint({ customerId, callId }: { customerId: string | null; callId?: string }) {
  const t = useTranslations('complaints.newPage');
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  useEffect(() => {
    if (!customerId) return;
    const controller = new AbortController();
    apiFetch<PopCustomer & { orders: PopOrder[] }>(`/api/customers/${encodeURIComponent(customerId)}`, { signal: controller.signal })
      .then((customer) => setLoad({ status: 'ready', customer }))
      .catch(() => !controller.signal.aborted && setLoad({ status: 'error' }));
    return () => controller.abort();
  }, [customerId]);

  if (!customerId) return <p className="rounded-md bg-slate-100 p-4 text-sm text-slate-700">{t('noCustomer')}</p>;
  if (load.status === 'loading') return null;
  if (load.status === 'error') {
    return (
      <p role="alert" className="rounded-md bg-red-50 p-4 text-sm text-red-800">
        {t('customerLoadFailed')}
      </p>
    );
  }
  const { customer } = load;
  return (
    <div className="max-w-2xl space-y-4">
      <p className="flex items-center gap-2 text-sm text-slate-700">
        <span data-testid="new-complaint-customer">{t('for', { name: customer.name })}</span>
        <SegmentBadge segment={customer.segment} />
      </p>
      <OpenComplaintForm customerId={customer.id} callId={callId} orders={customer.orders} />
    </div>
  );
}
