import { useTranslations } from 'next-intl';
import type { QueueSnapshotEntry } from '../../server/realtime/events';

const NUM = 'px-3 py-2 text-right tabular-nums';

export function QueueTable({ queues }: { queues: QueueSnapshotEntry[] }) {
  const t = useTranslations('supervisor');
  const heads = ['waiting', 'longestWait', 'available', 'busy', 'wrapUp', 'away', 'offered', 'answered', 'abandoned', 'serviceLevel'] as const;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="queue-table">
        <caption className="sr-only">{t('tableCaption')}</caption>
        <thead className="bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2 text-left">
              {t('columns.queue')}
            </th>
            {heads.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 text-right">
                {t(`columns.${h}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {queues.map((q) => (
            <tr key={q.name} data-testid="queue-row" data-queue={q.name}>
              <th scope="row" className="px-3 py-2 text-left font-medium text-slate-900">
                {q.name}
              </th>
              <td className={`${NUM} ${q.waiting > 0 ? 'font-semibold text-amber-700' : ''}`}>{q.waiting}</td>
              <td className={NUM}>{t('seconds', { seconds: q.longestWaitSeconds })}</td>
              <td className={NUM}>{q.agents.available}</td>
              <td className={NUM}>{q.agents.busy}</td>
              <td className={NUM}>{q.agents.wrapUp}</td>
              <td className={NUM}>{q.agents.away}</td>
              <td className={NUM}>{q.offered}</td>
              <td className={NUM}>{q.answered}</td>
              <td className={NUM}>{q.abandoned}</td>
              <td className={NUM}>{q.serviceLevel === null ? t('notApplicable') : `${Math.round(q.serviceLevel * 100)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
