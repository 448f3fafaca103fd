import { useLocale, useTranslations } from 'next-intl';
import type { PopHistoryEntry } from '../../../server/realtime/events';
import { formatDateTime } from '../../lib/format';
import { CELL, HEAD, PopSection, TABLE } from './pop-section';
import { useLabel } from './use-label';

/** Earlier contacts with this customer, newest first as the server sent them. */
export function HistoryTable({ history }: { history: PopHistoryEntry[] }) {
  const t = useTranslations('pop.historyTable');
  const locale = useLocale();
  const channel = useLabel('channel');
  const direction = useLabel('direction');
  const disposition = useLabel('disposition');
  const columns = ['at', 'channel', 'direction', 'summary', 'disposition', 'agent'] as const;
  return (
    <PopSection title={t('title')} empty={t('empty')} count={history.length} testId="pop-history">
      <div className="max-h-72 overflow-auto rounded-lg border border-slate-200">
        <table className={TABLE}>
          <thead className={HEAD}>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col" className={CELL}>{t(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {history.map((h) => (
              <tr key={h.id} data-testid="history-row">
                <td className={`${CELL} whitespace-nowrap text-slate-600`}>
                  <time dateTime={h.at}>{formatDateTime(h.at, locale)}</time>
                </td>
                <td className={CELL}>{channel(h.channel)}</td>
                <td className={CELL}>{direction(h.direction)}</td>
                <td className={`${CELL} text-slate-900`} data-testid="history-summary">{h.summary}</td>
                <td className={CELL}>{h.disposition ? disposition(h.disposition) : '—'}</td>
                <td className={`${CELL} whitespace-nowrap`}>{h.agent?.name ?? t('noAgent')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </PopSection>
  );
}
