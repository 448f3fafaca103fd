import { useTranslations } from 'next-intl';
import { SegmentBadge } from '../components/segment-badge';
import { formatDuration, secondsSince, type WallboardQueue } from './wallboard-data';

/** Every waiting caller, longest wait first, the wait counting up. */
export function WaitingCalls({ queues, now }: { queues: WallboardQueue[]; now: number }) {
  const t = useTranslations('wallboard');
  const calls = queues
    .flatMap((q) => (q.waitingCalls ?? []).map((c) => ({ ...c, queue: q.name })))
    .sort((a, b) => a.since.localeCompare(b.since));
  return (
    <section aria-labelledby="waiting-calls-title" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="waiting-calls-title" className="mb-2 font-semibold text-slate-900">
        {t('waitingCalls')}
      </h2>
      {calls.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="no-waiting-calls">
          {t('noWaitingCalls')}
        </p>
      ) : (
        <table className="min-w-full text-sm">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-3">{t('caller')}</th>
              <th scope="col" className="py-1 pr-3">{t('segment')}</th>
              <th scope="col" className="py-1 pr-3">{t('queue')}</th>
              <th scope="col" className="py-1 text-right">{t('waitTime')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {calls.map((c) => (
              <tr key={c.callId} data-testid="waiting-call" data-call-id={c.callId} data-from={c.from ?? ''}>
                <td className="py-1 pr-3">
                  <span className="font-medium text-slate-900">{c.customerName ?? c.from ?? t('unknownCaller')}</span>
                  {c.customerName && c.from && <span className="ml-2 text-xs text-slate-500">{c.from}</span>}
                </td>
                <td className="py-1 pr-3">
                  <SegmentBadge segment={c.segment} />
                </td>
                <td className="py-1 pr-3 text-slate-600">{c.queue}</td>
                <td className="py-1 text-right font-semibold tabular-nums" data-testid="wait-time">
                  {formatDuration(secondsSince(c.since, now))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
