import { useTranslations } from 'next-intl';
import type { ComplaintStatus } from './complaint-types';

const TONE: Record<ComplaintStatus, string> = {
  new: 'bg-indigo-100 text-indigo-900',
  acknowledged: 'bg-sky-100 text-sky-900',
  in_progress: 'bg-violet-100 text-violet-900',
  resolved: 'bg-emerald-100 text-emerald-900',
  closed: 'bg-slate-200 text-slate-700',
};

export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations('complaints.status');
  const s = (status in TONE ? status : 'new') as ComplaintStatus;
  return (
    <span data-testid="complaint-status" data-status={s} className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${TONE[s]}`}>
      {t(s)}
    </span>
  );
}

export function LevelBadge({ level }: { level: number }) {
  const t = useTranslations('complaints');
  return (
    <span data-testid="complaint-level" data-level={level} title={t('levelLong', { level })} className="inline-block rounded-md bg-slate-900 px-1.5 py-0.5 text-xs font-semibold text-white">
      {t('level', { level })}
    </span>
  );
}
