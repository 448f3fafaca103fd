'use client';

import { useTranslations } from 'next-intl';
import type { AgentStatus } from '../../server/realtime/events';
import { useAgentStatus } from './agent-status';

const CHOICES: AgentStatus[] = ['available', 'away', 'wrap_up'];

const TONE: Record<AgentStatus, string> = {
  available: 'aria-checked:border-emerald-600 aria-checked:bg-emerald-50 aria-checked:text-emerald-900',
  away: 'aria-checked:border-slate-500 aria-checked:bg-slate-100 aria-checked:text-slate-900',
  wrap_up: 'aria-checked:border-amber-500 aria-checked:bg-amber-50 aria-checked:text-amber-900',
};

/** Available / away / wrap-up. Shows what the server acknowledged, not what was clicked. */
export function StatusSwitch() {
  const t = useTranslations('status');
  const { confirmed, pending, error, choose } = useAgentStatus();

  return (
    <section aria-labelledby="status-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm lg:self-start">
      <h2 id="status-heading" className="text-sm font-semibold text-slate-900">
        {t('label')}
      </h2>
      <div role="radiogroup" aria-labelledby="status-heading" className="mt-3 grid gap-2">
        {CHOICES.map((status) => (
          <button
            key={status}
            type="button"
            role="radio"
            aria-checked={confirmed === status}
            disabled={pending !== null}
            onClick={() => void choose(status)}
            data-testid={`status-${status}`}
            className={`rounded-lg border border-slate-200 px-3 py-2 text-left text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:cursor-wait ${TONE[status]}`}
          >
            {pending === status ? t('saving') : t(status)}
          </button>
        ))}
      </div>
      <p className="mt-4 text-sm text-slate-600" data-testid="agent-status" data-status={confirmed ?? 'unset'} aria-live="polite">
        {t('current', { status: t(confirmed ?? 'unset') })}
      </p>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {t('failed', { reason: t(error) })}
        </p>
      )}
    </section>
  );
}
