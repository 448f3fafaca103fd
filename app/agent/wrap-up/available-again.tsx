'use client';

import { useTranslations } from 'next-intl';
import { useAgentStatus } from '../agent-status';

/** After the wrap-up: back to taking calls in one click (the status switch does the same). */
export function AvailableAgain() {
  const t = useTranslations('wrapUp');
  const { confirmed, pending, choose } = useAgentStatus();
  if (confirmed === 'available') return null;
  return (
    <button
      type="button"
      data-testid="wrapup-available"
      disabled={pending !== null}
      onClick={() => void choose('available')}
      className="rounded-md border border-emerald-600 px-3 py-1.5 text-sm font-medium text-emerald-800 hover:bg-emerald-50 disabled:cursor-wait"
    >
      {pending === 'available' ? t('settingAvailable') : t('availableAgain')}
    </button>
  );
}
