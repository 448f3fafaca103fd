'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { useAgentStatus } from '../agent-status';

/**
 * After the wrap-up: back to taking calls in one click (the status switch does the same). Shown
 * whatever the switch says: the server puts the agent in wrap-up when an answered call ends, and
 * does not tell the agent's console (agent:state reaches supervisors only), so the switch may be stale.
 */
export function AvailableAgain() {
  const t = useTranslations('wrapUp');
  const { pending, choose } = useAgentStatus();
  const [done, setDone] = useState(false);
  if (done) return null;
  return (
    <button
      type="button"
      data-testid="wrapup-available"
      disabled={pending !== null}
      onClick={() => void choose('available').then(setDone)}
      className="rounded-md border border-emerald-600 px-3 py-1.5 text-sm font-medium text-emerald-800 hover:bg-emerald-50 disabled:cursor-wait"
    >
      {pending === 'available' ? t('settingAvailable') : t('availableAgain')}
    </button>
  );
}
