'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { apiFetch, ApiError } from '../../lib/api';
import { PageHeading } from '../../components/page-heading';
import type { CustomerProfileData } from './customer-types';
import { CustomerValuePanel } from './customer-value-panel';
import { ProfileForm } from './profile-form';
import { PhoneList } from './phone-list';
import { CustomerTimeline } from './customer-timeline';
import { OrdersTable } from './orders-table';

type State = { status: 'loading' } | { status: 'failed'; code: number } | { status: 'ready'; customer: CustomerProfileData };

/** Customer 360: profile, numbers, value with reasons, one timeline, orders. */
export function CustomerDetail({ id }: { id: string }) {
  const t = useTranslations('customer360');
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', customer: await apiFetch<CustomerProfileData>(`/api/customers/${id}/profile`) });
    } catch (err) {
      setState({ status: 'failed', code: err instanceof ApiError ? err.status : 0 });
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading') return <p className="text-sm text-slate-600">{t('loading')}</p>;
  if (state.status === 'failed') {
    return (
      <p role="alert" data-testid="customer-load-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
        {state.code === 404 || state.code === 400 ? t('notFound') : t('loadFailed', { status: state.code })}
      </p>
    );
  }
  const { customer } = state;
  return (
    <div className="space-y-6" data-testid="customer-detail" data-customer-id={customer.id}>
      <Link href="/customers" className="text-sm text-indigo-700 hover:underline">
        ← {t('back')}
      </Link>
      <PageHeading title={customer.name} aside={<CustomerValuePanel customer={customer} compact />} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <CustomerTimeline customerId={customer.id} />
          <OrdersTable customerId={customer.id} />
        </div>
        <div className="space-y-6">
          <CustomerValuePanel customer={customer} />
          <ProfileForm customer={customer} onSaved={load} />
          <PhoneList customer={customer} onChanged={load} />
        </div>
      </div>
    </div>
  );
}
