'use client';

import { useLocale, useTranslations } from 'next-intl';
import { formatDateTime } from '../lib/format';
import type { ComplaintEventView } from './complaint-types';

const TYPES = ['created', 'acknowledge', 'start', 'resolve', 'close', 'reopen', 'escalated', 'escalation_exhausted', 'warning'] as const;
const REASONS = ['respond_overdue', 'resolve_overdue', 'respond_due_soon', 'resolve_due_soon'] as const;
const STATUSES = ['new', 'acknowledged', 'in_progress', 'resolved', 'closed'] as const;
const CELL = 'px-3 py-2 align-top';

/** Every step of the complaint: when, what, who (the system for deadlines), and why. */
export function EventTrail({ events }: { events: ComplaintEventView[] }) {
  const t = useTranslations('complaints.trail');
  const tStatus = useTranslations('complaints.status');
  const locale = useLocale();
  const typeLabel = (type: string) => t(`types.${TYPES.find((k) => k === type) ?? 'other'}`);
  const status = (s: string | null) => (s ? (STATUSES.find((k) => k === s) ? tStatus(s as (typeof STATUSES)[number]) : s) : '');
  const note = (n: string | null) => {
    const reason = REASONS.find((r) => r === n);
    return reason ? t(`reasons.${reason}`) : n;
  };
  return (
    <section aria-labelledby="complaint-trail" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <h2 id="complaint-trail" className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900">
        {t('title')}
      </h2>
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-100 text-sm" data-testid="complaint-events">
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              {(['at', 'event', 'who', 'details'] as const).map((c) => (
                <th key={c} scope="col" className="px-3 py-2">
                  {t(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {events.map((e) => (
              <tr key={e.id} data-testid="complaint-event" data-type={e.type}>
                <td className={`${CELL} whitespace-nowrap text-slate-600 tabular-nums`}>{formatDateTime(e.at, locale)}</td>
                <th scope="row" className={`${CELL} text-left font-medium text-slate-900`}>
                  {typeLabel(e.type)}
                </th>
                <td className={`${CELL} text-slate-700`}>{e.actor?.name ?? t('system')}</td>
                <td className={`${CELL} space-y-0.5 text-slate-700`}>
                  {e.fromLevel !== null && e.toLevel !== null && e.fromLevel !== e.toLevel && <div>{t('levelChange', { from: e.fromLevel, to: e.toLevel })}</div>}
                  {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && <div>{t('statusChange', { from: status(e.fromStatus), to: status(e.toStatus) })}</div>}
                  {(e.type === 'created' || e.type === 'escalated') && e.assignee && <div>{t('assignedTo', { name: e.assignee.name })}</div>}
                  {e.note && <div className="whitespace-pre-wrap text-slate-600">{note(e.note)}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
