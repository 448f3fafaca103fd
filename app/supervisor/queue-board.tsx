'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { QueueSnapshot } from '../../server/realtime/events';
import { formatTime } from '../lib/format';
import { useSocketEvent } from '../lib/use-socket';
import { QueueTable } from './queue-table';

/** The latest `queue:snapshot`, as a table. */
export function QueueBoard() {
  const t = useTranslations('supervisor');
  const locale = useLocale();
  const [snapshot, setSnapshot] = useState<QueueSnapshot | null>(null);
  useSocketEvent('queue:snapshot', setSnapshot);

  if (!snapshot) {
    return (
      <p role="status" data-testid="queue-waiting" className="rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-500">
        {t('waitingForSnapshot')}
      </p>
    );
  }
  return (
    <section className="space-y-2">
      <p className="text-right text-xs text-slate-500">
        {t('updatedAt', { time: formatTime(snapshot.at, locale) })}
      </p>
      {snapshot.queues.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-500">{t('noQueues')}</p>
      ) : (
        <QueueTable queues={snapshot.queues} />
      )}
    </section>
  );
}
