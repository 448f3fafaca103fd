'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent } from 'react';
import { CustomerTable } from './customer-table';
import { useCustomerSearch, type SearchError } from './use-customer-search';

export function CustomerSearch() {
  const t = useTranslations('customers');
  const { state, search } = useCustomerSearch();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    if (query) void search(query);
  }

  const errorText = (e: SearchError) => (e.key === 'server' ? t('errors.server', { status: e.status }) : t(`errors.${e.key}`));

  return (
    <div className="space-y-4">
      <form role="search" onSubmit={submit} className="flex max-w-xl gap-2">
        <label htmlFor="customer-query" className="sr-only">
          {t('query')}
        </label>
        <input
          id="customer-query"
          name="q"
          type="search"
          placeholder={t('placeholder')}
          maxLength={200}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
        />
        <button
          type="submit"
          disabled={state.status === 'searching'}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60"
        >
          {state.status === 'searching' ? t('searching') : t('submit')}
        </button>
      </form>

      <div aria-live="polite">
        {state.status === 'failed' && (
          <p role="alert" data-testid="customer-search-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {errorText(state.error)}
          </p>
        )}
        {state.status === 'done' && state.customers.length === 0 && (
          <p data-testid="customer-no-results" className="text-sm text-slate-600">
            {t('noResults', { query: state.query })}
          </p>
        )}
        {state.status === 'done' && state.customers.length > 0 && (
          <>
            <p className="mb-2 text-sm text-slate-600">{t('resultCount', { count: state.customers.length })}</p>
            <CustomerTable customers={state.customers} />
          </>
        )}
      </div>
    </div>
  );
}
