'use client';

import { useTranslations } from 'next-intl';
import { useLabel } from '../pop/use-label';
import { useDispositions } from './use-dispositions';

/** The disposition choices the admin configured, worded in the agent's language. */
export function DispositionSelect({ id }: { id: string }) {
  const t = useTranslations('wrapUp');
  const label = useLabel('disposition');
  const { state, retry } = useDispositions();

  if (state.status === 'failed') {
    return (
      <p role="alert" className="mt-1 text-sm text-red-800">
        {t('dispositionsFailed')}{' '}
        <button type="button" onClick={retry} className="font-medium underline">
          {t('retry')}
        </button>
      </p>
    );
  }
  return (
    <select
      id={id}
      name="disposition"
      required
      defaultValue=""
      data-testid="wrapup-disposition"
      disabled={state.status === 'loading'}
      className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none"
    >
      <option value="" disabled>
        {state.status === 'loading' ? t('loadingDispositions') : t('choose')}
      </option>
      {state.status === 'ready' &&
        state.dispositions.map((d) => (
          <option key={d} value={d}>
            {label(d)}
          </option>
        ))}
    </select>
  );
}
