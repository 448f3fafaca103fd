import { useTranslations } from 'next-intl';
import type { PopCustomer } from '../../../server/realtime/events';

const LETTERS = { recency: 'R', frequency: 'F', monetary: 'M' } as const;

/** R/F/M 1–5 as three compact chips, each with its full name for screen readers. */
export function RfmScores({ rfm }: { rfm: NonNullable<PopCustomer['rfm']> }) {
  const t = useTranslations('pop.rfm');
  return (
    <ul aria-label={t('label')} data-testid="rfm-scores" className="inline-flex gap-1">
      {(Object.keys(LETTERS) as Array<keyof typeof LETTERS>).map((part) => (
        <li key={part} title={t('score', { name: t(part), score: rfm[part] })} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
          <span aria-hidden="true">
            {LETTERS[part]}
            {rfm[part]}
          </span>
          <span className="sr-only">{t('score', { name: t(part), score: rfm[part] })}</span>
        </li>
      ))}
    </ul>
  );
}
