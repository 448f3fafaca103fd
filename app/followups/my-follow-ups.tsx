'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { useSocketEvent } from '../lib/use-socket';
import { DueTimes } from './due-times';
import { fetchMyFollowUps, FOLLOWUPS_CHANGED, type FollowUpView, type MyFollowUpsResponse } from './follow-up-api';

// Upcoming ones become due on their own: reload now and then, not only on events.
const REFRESH_MS = 15_000;
const SECTIONS = ['due', 'overdue', 'upcoming'] as const;

/** "My follow-ups": due, overdue and upcoming, each with the due time in both zones. */
export function MyFollowUps() {
  const t = useTranslations('followups');
  const [data, setData] = useState<MyFollowUpsResponse | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(() => {
    fetchMyFollowUps()
      .then((d) => {
        setData(d);
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, []);

  useEffect(() => {
    load();
    const timer = setInterval(load, REFRESH_MS);
    window.addEventListener(FOLLOWUPS_CHANGED, load);
    return () => {
      clearInterval(timer);
      window.removeEventListener(FOLLOWUPS_CHANGED, load);
    };
  }, [load]);
  useSocketEvent('followup:due', () => load());

  if (!data) {
    return (
      <p role={failed ? 'alert' : 'status'} className="text-sm text-slate-500">
        {failed ? t('loadFailed') : t('loading')}
      </p>
    );
  }
  return (
    <div className="grid gap-6 lg:grid-cols-3" data-testid="my-followups">
      {SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`followups-${section}`} data-testid={`followups-${section}`} className="min-w-0">
          <h2 id={`followups-${section}`} className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">
            {t(section)} <span className="font-normal text-slate-400">({data[section].length})</span>
          </h2>
          {data[section].length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-200 bg-white/60 p-4 text-sm text-slate-500">
              {t(section === 'due' ? 'emptyDue' : section === 'overdue' ? 'emptyOverdue' : 'emptyUpcoming')}
            </p>
          ) : (
            <ul className="space-y-2">
              {data[section].map((f) => (
                <FollowUpRow key={f.id} followUp={f} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

function FollowUpRow({ followUp: f }: { followUp: FollowUpView }) {
  const t = useTranslations('followups');
  return (
    <li data-testid="followup-row" data-followup-id={f.id} data-status={f.status} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <div className="flex items-baseline justify-between gap-2">
        <span className="font-medium text-slate-900">{f.customer?.name ?? f.customerId}</span>
        <span className="text-xs text-slate-500">{t(`status.${f.status}`)}</span>
      </div>
      <p className="text-sm text-slate-700">
        <span className="text-slate-500">{t(`kind.${f.kind}`)} · </span>
        {f.reason}
      </p>
      <p className="text-xs text-slate-500">{t('attempt', { attempt: f.attempt, max: f.maxAttempts })}</p>
      <div className="mt-1">
        <DueTimes dueAt={f.dueAt} customerZone={f.customer?.timezone} />
      </div>
    </li>
  );
}
