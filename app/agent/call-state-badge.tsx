import { useTranslations } from 'next-intl';
import type { CallState } from '../../server/realtime/events';

const TONE: Record<CallState, string> = {
  ringing: 'bg-indigo-100 text-indigo-800',
  answered: 'bg-emerald-100 text-emerald-800',
  completed: 'bg-slate-100 text-slate-700',
  missed: 'bg-red-100 text-red-800',
  abandoned: 'bg-amber-100 text-amber-800',
};

export function CallStateBadge({ state }: { state: CallState }) {
  const t = useTranslations('callState');
  return (
    <span data-testid="call-state" className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${TONE[state]}`}>
      {t(state)}
    </span>
  );
}
