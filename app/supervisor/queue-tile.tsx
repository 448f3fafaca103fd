import { useTranslations } from 'next-intl';
import { formatDuration, percent, secondsSince, type WallboardQueue } from './wallboard-data';

function Figure({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** One queue: service level against its target, the line, the agents, today's totals. */
export function QueueTile({ queue, now }: { queue: WallboardQueue; now: number }) {
  const t = useTranslations('wallboard');
  const target = queue.serviceLevelTarget ?? null;
  const below = queue.serviceLevel !== null && target !== null && queue.serviceLevel < target;
  const oldest = queue.waitingCalls?.reduce<string | null>((min, c) => (min === null || c.since < min ? c.since : min), null) ?? null;
  const longest = oldest ? secondsSince(oldest, now) : queue.longestWaitSeconds;
  const seconds = (v: number | null | undefined) => (v === null || v === undefined ? t('none') : formatDuration(v));
  return (
    <article
      data-testid="queue-row"
      data-queue={queue.name}
      data-below-target={below ? 'true' : 'false'}
      className={`rounded-xl border p-4 shadow-sm ${below ? 'border-red-300 bg-red-50' : 'border-slate-200 bg-white'}`}
    >
      <header className="flex items-baseline justify-between gap-2">
        <h2 className="truncate font-semibold text-slate-900">{queue.name}</h2>
        <p className={`text-2xl font-bold tabular-nums ${below ? 'text-red-700' : 'text-emerald-700'}`} data-testid="tile-service-level" title={t('serviceLevel')}>
          {percent(queue.serviceLevel) ?? t('none')}
        </p>
      </header>
      <p className="text-xs text-slate-500">
        {target !== null ? t('target', { target: percent(target) ?? '', seconds: queue.serviceLevelSeconds ?? 0 }) : t('serviceLevel')}
        {below && <span className="ml-2 font-medium text-red-700">{t('belowTarget')}</span>}
      </p>
      <dl className="mt-3 grid grid-cols-3 gap-3">
        <Figure label={t('waiting')} value={queue.waiting} testId="tile-waiting" />
        <Figure label={t('longestWait')} value={formatDuration(longest)} testId="tile-longest-wait" />
        <Figure label={t('offered')} value={queue.offered} testId="tile-offered" />
        <Figure label={t('answered')} value={queue.answered} testId="tile-answered" />
        <Figure label={t('abandoned')} value={queue.shortAbandons ? t('abandonedWithShort', { abandoned: queue.abandoned, short: queue.shortAbandons }) : queue.abandoned} testId="tile-abandoned" />
        <Figure label={t('asa')} value={seconds(queue.averageSpeedOfAnswer)} />
        <Figure label={t('aht')} value={seconds(queue.averageHandleTime)} />
      </dl>
      <p className="mt-3 flex flex-wrap gap-x-3 text-xs text-slate-600" data-testid="tile-agents">
        <span>{t('agents.available', { count: queue.agents.available })}</span>
        <span>{t('agents.busy', { count: queue.agents.busy })}</span>
        <span>{t('agents.wrapUp', { count: queue.agents.wrapUp })}</span>
        <span>{t('agents.away', { count: queue.agents.away })}</span>
      </p>
    </article>
  );
}
