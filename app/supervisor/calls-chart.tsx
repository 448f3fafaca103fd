import { useLocale, useTranslations } from 'next-intl';
import type { QuarterHourSeries } from '../../server/queues/snapshot-types';

const BAR = 10;
const HEIGHT = 100;
const QUARTER_MS = 15 * 60 * 1000;

/** Today's calls per 15 minutes of one queue, in its own time zone: answered, abandoned, the rest. */
export function CallsChart({ name, series, timezone }: { name: string; series: QuarterHourSeries; timezone: string }) {
  const t = useTranslations('wallboard');
  const locale = useLocale();
  const max = Math.max(1, ...series.offered);
  const start = new Date(series.start).getTime();
  const hour = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: timezone });
  const total = series.offered.reduce((a, b) => a + b, 0);
  const y = (n: number) => (n / max) * HEIGHT;
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="calls-chart" data-queue={name}>
      <figcaption className="mb-2 flex justify-between text-sm">
        <span className="font-semibold text-slate-900">{t('chartTitle', { queue: name })}</span>
        <span className="text-slate-500">{t('chartTotal', { count: total })}</span>
      </figcaption>
      <svg viewBox={`0 0 ${series.offered.length * BAR} ${HEIGHT + 14}`} className="h-32 w-full" role="img" aria-label={t('chartTitle', { queue: name })} preserveAspectRatio="none">
        {series.offered.map((offered, i) => {
          const answered = series.answered[i] ?? 0;
          const abandoned = series.abandoned[i] ?? 0;
          if (offered === 0) return null;
          const x = i * BAR + 1;
          return (
            <g key={i}>
              <title>{`${hour.format(new Date(start + i * QUARTER_MS))}: ${t('chartBar', { offered, answered, abandoned })}`}</title>
              <rect x={x} width={BAR - 2} y={HEIGHT - y(offered)} height={y(offered)} className="fill-slate-300" />
              <rect x={x} width={BAR - 2} y={HEIGHT - y(answered)} height={y(answered)} className="fill-emerald-500" />
              <rect x={x} width={BAR - 2} y={HEIGHT - y(answered) - y(abandoned)} height={y(abandoned)} className="fill-red-400" />
            </g>
          );
        })}
        {series.offered.map((_, i) =>
          i % 12 === 0 ? (
            <text key={`l${i}`} x={i * BAR} y={HEIGHT + 12} fontSize="10" className="fill-slate-500">
              {hour.format(new Date(start + i * QUARTER_MS))}
            </text>
          ) : null,
        )}
      </svg>
      <p className="mt-1 flex gap-3 text-xs text-slate-600">
        <span><span className="mr-1 inline-block h-2 w-2 bg-emerald-500" />{t('answered')}</span>
        <span><span className="mr-1 inline-block h-2 w-2 bg-red-400" />{t('abandoned')}</span>
        <span><span className="mr-1 inline-block h-2 w-2 bg-slate-300" />{t('otherCalls')}</span>
      </p>
    </figure>
  );
}
