'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, type FormEvent } from 'react';
import { apiFetch } from '../../lib/api';
import { useUser } from '../../lib/session';
import type { CustomerProfileData } from './customer-types';
import { LocalTime } from '../../agent/pop/local-time';
import { splitList } from '../../lib/split-list';

// The browser's own list of IANA zones, suggested while typing (the server checks the value).
const TIME_ZONES: string[] = [...new Set(['UTC', ...(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [])])];

const INPUT = 'mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none';

/** Admins and supervisors without a team may move customers between teams (the server enforces it too). */
function useTeamChoices(enabled: boolean): string[] {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    apiFetch<{ teams: { name: string }[] }>('/api/teams', { signal: controller.signal })
      .then(({ teams }) => setNames(teams.map((team) => team.name)))
      .catch(() => {}); // suggestions only: any team name may still be typed
    return () => controller.abort();
  }, [enabled]);
  return names;
}

/** PATCH /api/customers/:id: name, email, tags, time zone, follow-up frequency and, for those who may, team. */
export function ProfileForm({ customer, onSaved }: { customer: CustomerProfileData; onSaved: () => Promise<void> }) {
  const t = useTranslations('customer360');
  const user = useUser();
  const mayMoveTeam = user.teamId === null && (user.role === 'admin' || user.role === 'supervisor');
  const teamChoices = useTeamChoices(mayMoveTeam);
  const [state, setState] = useState<{ status: 'idle' | 'saving' | 'saved' } | { status: 'failed'; message: string }>({ status: 'idle' });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (k: string) => String(form.get(k) ?? '').trim();
    const frequency = text('followUpFrequencyDays');
    const team = mayMoveTeam ? text('team') || null : undefined;
    setState({ status: 'saving' });
    try {
      await apiFetch(`/api/customers/${customer.id}`, {
        method: 'PATCH',
        body: {
          name: text('name'),
          email: text('email') || null,
          tags: splitList(text('tags')),
          timezone: text('timezone') || null,
          followUpFrequencyDays: frequency ? Number(frequency) : null,
          // Sent only when changed, so saving a profile never needs the right to move it.
          ...(team !== undefined && team !== customer.teamName && { team }),
        },
      });
      setState({ status: 'saved' });
      await onSaved();
    } catch (err) {
      setState({ status: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="profile-heading" data-testid="customer-profile-form">
      <h2 id="profile-heading" className="text-sm font-semibold text-slate-900">
        {t('profile')}
      </h2>
      <label className="block text-xs font-medium text-slate-600">
        {t('name')}
        <input name="name" required maxLength={200} defaultValue={customer.name} className={INPUT} />
      </label>
      <label className="block text-xs font-medium text-slate-600">
        {t('email')}
        <input name="email" type="email" maxLength={320} defaultValue={customer.email ?? ''} className={INPUT} />
      </label>
      <label className="block text-xs font-medium text-slate-600">
        {t('tags')}
        <input name="tags" defaultValue={customer.tags.join(', ')} className={INPUT} />
      </label>
      <label className="block text-xs font-medium text-slate-600">
        {t('timezone')}
        <input name="timezone" list="time-zones" placeholder="Asia/Shanghai" defaultValue={customer.timezone ?? ''} className={INPUT} />
        <datalist id="time-zones">
          {TIME_ZONES.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <span className="mt-1 block font-normal text-slate-500" data-testid="customer-local-time">
          <LocalTime timezone={customer.timezone} />
        </span>
      </label>
      <label className="block text-xs font-medium text-slate-600">
        {t('followUpFrequency')}
        <input name="followUpFrequencyDays" type="number" min={1} max={3650} defaultValue={customer.followUpFrequencyDays ?? ''} className={INPUT} />
      </label>
      {mayMoveTeam ? (
        <label className="block text-xs font-medium text-slate-600">
          {t('team')}
          <input name="team" list="team-choices" maxLength={100} placeholder={t('noTeam')} defaultValue={customer.teamName ?? ''} className={INPUT} data-testid="customer-team-input" />
          <datalist id="team-choices">
            {teamChoices.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <span className="mt-1 block font-normal text-slate-500">{user.role === 'admin' ? t('teamHint') : t('teamHintExisting')}</span>
        </label>
      ) : (
        <p className="text-xs text-slate-600">
          {t('team')}: <span data-testid="customer-team">{customer.teamName ?? t('noTeam')}</span>
        </p>
      )}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={state.status === 'saving'} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-60">
          {state.status === 'saving' ? t('saving') : t('save')}
        </button>
        <span aria-live="polite" className="text-sm">
          {state.status === 'saved' && <span className="text-emerald-700">{t('saved')}</span>}
          {state.status === 'failed' && <span className="text-red-700">{t('saveFailed', { message: state.message })}</span>}
        </span>
      </div>
    </form>
  );
}
