'use client';

import { useLocale, useTranslations } from 'next-intl';
import { formatRemaining } from './format-remaining';
import { useNow } from './use-now';

/** The next deadline, ticking: "Respond in 4m 12s", red once overdue. */
export function DeadlineBadge({ deadline, topOverdue }: { deadline: { kind: 'respond' | 'resolve'; at: string } | null; topOverdue?: boolean }) {
  const t = useTranslations('complaints');
  const locale = useLocale();
  const now = useNow();
  if (!deadline) {
    return <span className={`text-sm ${topOverdue ? 'font-medium text-red-700' : 'text-slate-500'}`}>{topOverdue ? t('topOverdue') : t('noDeadline')}</span>;
  }
  const left = new Date(deadline.at).getTime() - now;
  const kind = t(`deadlineKind.${deadline.kind}`);
  const time = formatRemaining(left, locale);
  const tone = left <= 0 ? 'bg-red-100 text-red-800' : left < 15 * 60_000 ? 'bg-amber-100 text-amber-900' : 'bg-slate-100 text-slate-700';
  return (
    <span data-testid="deadline" data-overdue={left <= 0} className={`inline-block rounded-md px-2 py-0.5 text-xs font-medium tabular-nums ${tone}`}>
      {left <= 0 ? t('overdueBy', { kind, time }) : t('timeLeft', { kind, time })}
    </span>
  );
}
