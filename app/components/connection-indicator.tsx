'use client';

import { useTranslations } from 'next-intl';
import { useSocket, type ConnectionState } from '../lib/use-socket';

const DOT: Record<ConnectionState, string> = {
  connected: 'bg-emerald-500',
  connecting: 'bg-amber-400 animate-pulse',
  reconnecting: 'bg-amber-400 animate-pulse',
  offline: 'bg-red-500',
};

export function ConnectionIndicator() {
  const t = useTranslations('connection');
  const { state } = useSocket();
  return (
    <div
      role="status"
      aria-label={t('label')}
      data-testid="connection-status"
      data-state={state}
      className="inline-flex items-center gap-2 rounded-full border border-slate-200 bg-white px-3 py-1 text-sm text-slate-700"
    >
      <span aria-hidden className={`size-2 rounded-full ${DOT[state]}`} />
      {t(state)}
    </div>
  );
}
