'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { apiFetch } from '../../lib/api';
import type { CustomerProfileData } from './customer-types';

/** POST /api/customers/:id/phones and DELETE /api/customers/:id/phones/:e164. */
export function PhoneList({ customer, onChanged }: { customer: CustomerProfileData; onChanged: () => Promise<void> }) {
  const t = useTranslations('customer360');
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      await onChanged();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem('phone') as HTMLInputElement;
    const phone = input.value.trim();
    if (!phone) return;
    void run(async () => {
      await apiFetch(`/api/customers/${customer.id}/phones`, { method: 'POST', body: { phone } });
      input.value = '';
    });
  }

  return (
    <section aria-labelledby="phones-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="phones-heading" className="mb-2 text-sm font-semibold text-slate-900">
        {t('phones')}
      </h2>
      <ul className="space-y-1" data-testid="customer-phones">
        {customer.phones.map((phone) => (
          <li key={phone} className="flex items-center justify-between font-mono text-sm text-slate-800">
            {phone}
            <button
              type="button"
              aria-label={t('removePhone', { phone })}
              onClick={() => void run(() => apiFetch(`/api/customers/${customer.id}/phones/${encodeURIComponent(phone)}`, { method: 'DELETE' }))}
              className="rounded px-2 text-slate-500 hover:bg-red-50 hover:text-red-700"
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="mt-3 flex gap-2">
        <label htmlFor="new-phone" className="sr-only">
          {t('newPhone')}
        </label>
        <input id="new-phone" name="phone" maxLength={64} placeholder="+86 138 0013 8000" className="block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
        <button type="submit" className="whitespace-nowrap rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
          {t('addPhone')}
        </button>
      </form>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {t('phoneFailed', { message: error })}
        </p>
      )}
    </section>
  );
}
