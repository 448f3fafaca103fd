import { useLocale, useTranslations } from 'next-intl';
import type { PopComplaint } from '../../../server/realtime/events';
import { formatDateTime } from '../../lib/format';
import { PopSection } from './pop-section';
import { useLabel } from './use-label';

const SEVERITY_TONE: Record<string, string> = {
  low: 'bg-slate-100 text-slate-700',
  medium: 'bg-amber-100 text-amber-900',
  high: 'bg-orange-100 text-orange-900',
  critical: 'bg-red-100 text-red-900',
};

/** Open complaints: what, how serious, at which escalation level and by when it must move. */
export function ComplaintsList({ complaints }: { complaints: PopComplaint[] }) {
  const t = useTranslations('pop.complaintsList');
  const locale = useLocale();
  const severity = useLabel('severity');
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale) : t('noDeadline'));
  return (
    <PopSection title={t('title')} empty={t('empty')} count={complaints.length} testId="pop-complaints">
      <ul className="space-y-2 text-sm">
        {complaints.map((c) => (
          <li key={c.id} data-testid="complaint-item" className="rounded-lg border border-red-100 bg-red-50/40 px-3 py-2">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-slate-900">{c.summary}</span>
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${SEVERITY_TONE[c.severity] ?? SEVERITY_TONE.low}`}>{severity(c.severity)}</span>
              <span className="text-xs text-slate-600">{t('level', { level: c.level })}</span>
            </p>
            <p className="mt-1 text-xs text-slate-600">
              {t('respondBy', { time: when(c.respondBy) })} · {t('resolveBy', { time: when(c.resolveBy) })}
            </p>
          </li>
        ))}
      </ul>
    </PopSection>
  );
}
