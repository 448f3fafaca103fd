'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import type { PopBody } from '../../../server/realtime/events';
import { apiFetch } from '../../lib/api';
import { linkAndLoad } from './customer-detail';
import { RequestErrorText } from './request-error-text';
import { splitList } from '../../lib/split-list';
import { TextField } from './text-field';
import { usePendingRequest } from './use-pending-request';

const list = (value: FormDataEntryValue | null) => splitList(String(value ?? ''));
const FIELDS = ['name', 'phones', 'email', 'tags'] as const;

/** An unknown caller: create them as a customer (prefilled with their number) and link the call. */
export function NewCustomerForm({ callId, from, onLinked }: { callId: string; from: string; onLinked: (customerId: string, body: PopBody) => void }) {
  const t = useTranslations('pop.newCustomer');
  const { busy, error, run } = usePendingRequest();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const input = { name: String(data.get('name') ?? '').trim(), phones: list(data.get('phones')), tags: list(data.get('tags')), ...(email && { email }) };
    const result = await run(async () => {
      const { id } = await apiFetch<{ id: string }>('/api/customers', { method: 'POST', body: input });
      return { id, body: await linkAndLoad(callId, id) };
    });
    if (result) onLinked(result.id, result.body);
  }

  const label = (field: string) => ((FIELDS as readonly string[]).includes(field) ? t(field as (typeof FIELDS)[number]) : field);

  return (
    <form onSubmit={(e) => void submit(e)} data-testid="new-customer-form" aria-labelledby={`new-customer-${callId}`} className="rounded-lg border border-indigo-100 bg-indigo-50/40 p-4">
      <h4 id={`new-customer-${callId}`} className="text-sm font-semibold text-slate-900">{t('title')}</h4>
      <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <TextField name="name" label={t('name')} required maxLength={200} autoComplete="off" />
        <TextField name="phones" label={t('phones')} hint={t('phonesHint')} defaultValue={from} required />
        <TextField name="email" label={t('email')} type="email" maxLength={320} autoComplete="off" />
        <TextField name="tags" label={t('tags')} hint={t('tagsHint')} />
      </div>
      {error && <RequestErrorText error={error} fieldLabel={label} />}
      <button type="submit" disabled={busy} data-testid="new-customer-submit" className="mt-3 rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60">
        {busy ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
