'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import type { PopBody, PopCustomer } from '../../../server/realtime/events';
import { linkAndLoad } from './customer-detail';
import { RequestErrorText } from './request-error-text';
import { usePendingRequest } from './use-pending-request';

interface Props {
  callId: string;
  candidates: PopCustomer[];
  linkedId: string | null;
  onLinked: (customerId: string, body: PopBody) => void;
}

/** Several customers share the number: the agent says which one is calling. */
export function CandidateChooser({ callId, candidates, linkedId, onLinked }: Props) {
  const t = useTranslations('pop.chooser');
  const { busy, error, run } = usePendingRequest();
  const [picking, setPicking] = useState<string | null>(null);

  async function pick(id: string) {
    setPicking(id);
    const body = await run(() => linkAndLoad(callId, id));
    setPicking(null);
    if (body) onLinked(id, body);
  }

  return (
    <fieldset data-testid="candidate-chooser" className="rounded-lg border border-amber-200 bg-amber-50/60 p-3">
      <legend className="px-1 text-sm font-medium text-amber-900">{t('title', { count: candidates.length })}</legend>
      <ul className="grid gap-2 sm:grid-cols-2">
        {candidates.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              data-testid="candidate"
              data-customer-id={c.id}
              aria-pressed={linkedId === c.id}
              disabled={busy}
              onClick={() => void pick(c.id)}
              className="w-full rounded-md border border-slate-200 bg-white px-3 py-2 text-left text-sm hover:border-indigo-300 disabled:cursor-wait aria-pressed:border-emerald-500 aria-pressed:ring-2 aria-pressed:ring-emerald-100"
            >
              <span className="block font-medium text-slate-900">{c.name}</span>
              <span className="block text-xs text-slate-600">{[c.email, ...c.tags].filter(Boolean).join(' · ')}</span>
              <span className="mt-1 block text-xs font-medium text-indigo-700">
                {picking === c.id ? t('linking') : linkedId === c.id ? t('chosen') : t('choose')}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {error && <RequestErrorText error={error} />}
    </fieldset>
  );
}
