import { useTranslations } from 'next-intl';
import type { PopHistoryEntry } from '../../server/realtime/events';

const SHOWN = 5;

export function PopHistory({ history, format }: { history: PopHistoryEntry[]; format: (iso: string) => string }) {
  const t = useTranslations('pop');
  return (
    <div className="mt-4 border-t border-slate-100 pt-3">
      <h4 className="text-xs font-medium uppercase tracking-wide text-slate-500">{t('recentContacts')}</h4>
      {history.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">{t('noHistory')}</p>
      ) : (
        <ul className="mt-2 space-y-1.5 text-sm">
          {history.slice(0, SHOWN).map((entry) => (
            <li key={entry.id} className="flex gap-3">
              <time dateTime={entry.at} className="shrink-0 text-slate-500">
                {format(entry.at)}
              </time>
              <span className="text-slate-800">{entry.summary}</span>
              {entry.agent && <span className="ml-auto shrink-0 text-slate-500">{entry.agent.name}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
