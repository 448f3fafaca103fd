'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { formatTime } from '../lib/format';
import { useSocketEvent } from '../lib/use-socket';
import { AgentList } from './agent-list';
import { CallsChart } from './calls-chart';
import { QueueTile } from './queue-tile';
import { WaitingCalls } from './waiting-calls';
import { useNow, type WallboardSnapshot } from './wallboard-data';

/** The wallboard: the latest `queue:snapshot` as tiles, the waiting line, the agents and today's chart. */
export function QueueBoard() {
  const t = useTranslations('supervisor');
  const locale = useLocale();
  const now = useNow();
  const [snapshot, setSnapshot] = useState<WallboardSnapshot | null>(null);
  useSocketEvent('queue:snapshot', (s) => setSnapshot(s as WallboardSnapshot));

  if (!snapshot) {
    return (
      <p role="status" data-testid="queue-waiting" className="rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-500">
        {t('waitingForSnapshot')}
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <p className="text-right text-xs text-slate-500" data-testid="snapshot-at">
        {t('updatedAt', { time: formatTime(snapshot.at, locale) })}
      </p>
      {snapshot.queues.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-500">{t('noQueues')}</p>
      ) : (
        <section className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid="queue-tiles">
          {snapshot.queues.map((q) => (
            <QueueTile key={q.name} queue={q} now={now} />
          ))}
        </section>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <WaitingCalls queues={snapshot.queues} now={now} />
        <AgentList agents={snapshot.agents ?? []} now={now} />
      </div>
      {snapshot.queues.map((q) =>
        q.quarterHours && q.timezone && q.offered > 0 ? <CallsChart key={q.name} name={q.name} series={q.quarterHours} timezone={q.timezone} /> : null,
      )}
    </div>
  );
}
