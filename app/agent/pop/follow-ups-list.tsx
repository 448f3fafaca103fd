import { useLocale, useTranslations } from 'next-intl';
import type { PopFollowUp } from '../../../server/realtime/events';
import { formatDateTime } from '../../lib/format';
import { PopSection } from './pop-section';

/** Follow-ups still pending for this customer: the agent can settle one on this call. */
export function FollowUpsList({ followUps }: { followUps: PopFollowUp[] }) {
  const t = useTranslations('pop.followUpsList');
  const locale = useLocale();
  return (
    <PopSection title={t('title')} empty={t('empty')} count={followUps.length} testId="pop-followups">
      <ul className="space-y-1.5 text-sm">
        {followUps.map((f) => (
          <li key={f.id} data-testid="followup-item" className="flex flex-wrap gap-x-3">
            <span className="text-slate-900">{f.reason}</span>
            <span className="text-slate-600">
              <time dateTime={f.dueAt}>{t('due', { time: formatDateTime(f.dueAt, locale) })}</time>
              {f.attempt > 1 && ` · ${t('attempt', { attempt: f.attempt })}`}
            </span>
          </li>
        ))}
      </ul>
    </PopSection>
  );
}
