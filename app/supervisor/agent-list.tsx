import { useTranslations } from 'next-intl';
import type { BoardAgentEntry } from '../../server/queues/snapshot-types';
import { formatDuration, secondsSince } from './wallboard-data';

const TONE: Record<BoardAgentEntry['state'], string> = {
  available: 'bg-emerald-100 text-emerald-900',
  busy: 'bg-sky-100 text-sky-900',
  wrap_up: 'bg-violet-100 text-violet-900',
  away: 'bg-slate-200 text-slate-700',
  offline: 'bg-slate-100 text-slate-500',
};

/** The agents on the floor: state and how long they have been in it. */
export function AgentList({ agents, now }: { agents: BoardAgentEntry[]; now: number }) {
  const t = useTranslations('wallboard');
  return (
    <section aria-labelledby="agent-list-title" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="agent-list-title" className="mb-2 font-semibold text-slate-900">
        {t('agentList')}
      </h2>
      {agents.length === 0 ? (
        <p className="text-sm text-slate-500">{t('noAgents')}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {agents.map((a) => (
            <li key={a.id} data-testid="agent-row" data-agent-id={a.id} data-state={a.state} className="flex items-center justify-between gap-2 py-1">
              <span className="truncate font-medium text-slate-900">{a.name}</span>
              <span className="flex items-center gap-2">
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${TONE[a.state]}`}>{t(`states.${a.state}`)}</span>
                <span className="w-16 text-right tabular-nums text-slate-600">{formatDuration(secondsSince(a.since, now))}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
