'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { apiFetch } from '../../lib/api';
import { requestError, type RequestError } from '../../lib/api-error';
import type { PolicyView } from '../../../server/complaints/policies/policy-view';
import { RequestErrorMessage } from '../../complaints/request-error-message';
import { splitList } from '../../lib/split-list';

type AssignType = 'role' | 'userId' | 'queue';
interface LevelDraft {
  key: number;
  level: string;
  type: AssignType;
  value: string;
  respondWithin: string;
  resolveWithin: string;
}

const ROLES = ['complaint_handler', 'supervisor', 'admin', 'agent'] as const;
const INPUT = 'block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none';
let nextKey = 1;

function draftOf(l: PolicyView['levels'][number]): LevelDraft {
  const rule = l.assignTo as Record<string, string>;
  const type: AssignType = 'userId' in rule ? 'userId' : 'queue' in rule ? 'queue' : 'role';
  return { key: nextKey++, level: String(l.level), type, value: rule[type] ?? '', respondWithin: l.respondWithin, resolveWithin: l.resolveWithin };
}

const emptyLevel = (level: number): LevelDraft => ({ key: nextKey++, level: String(level), type: 'role', value: 'complaint_handler', respondWithin: 'PT1H', resolveWithin: 'P1D' });

/** One policy: its matching (categories, severities) and its ladder, saved whole with PUT. */
export function PolicyForm({ policy, onSaved }: { policy: PolicyView | null; onSaved: (saved: PolicyView) => void }) {
  const t = useTranslations('complaints.policies');
  const tRoles = useTranslations('roles');
  const id = useId();
  const [name, setName] = useState(policy?.name ?? '');
  const [categories, setCategories] = useState(policy?.categories.join(', ') ?? '');
  const [severities, setSeverities] = useState(policy?.severities.join(', ') ?? '');
  const [levels, setLevels] = useState<LevelDraft[]>(() => (policy ? policy.levels.map(draftOf) : [emptyLevel(1)]));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RequestError | null>(null);
  const [saved, setSaved] = useState(false);

  const update = (key: number, patch: Partial<LevelDraft>) => setLevels((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  async function save() {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const body = {
        categories: splitList(categories),
        severities: splitList(severities),
        levels: levels.map((l) => ({ level: Number(l.level), assignTo: { [l.type]: l.value.trim() }, respondWithin: l.respondWithin.trim(), resolveWithin: l.resolveWithin.trim() })),
      };
      const result = await apiFetch<PolicyView>(`/api/escalation-policies/${encodeURIComponent(name.trim())}`, { method: 'PUT', body });
      setSaved(true);
      onSaved(result);
    } catch (err) {
      setError(requestError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid="policy-form"
      data-policy={policy?.name ?? ''}
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-medium text-slate-700">
            {t('name')}
          </label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} readOnly={policy !== null} required maxLength={100} className={`mt-1 ${INPUT} read-only:bg-slate-50`} />
        </div>
        <div>
          <label htmlFor={`${id}-categories`} className="block text-sm font-medium text-slate-700">
            {t('categories')}
          </label>
          <input id={`${id}-categories`} value={categories} onChange={(e) => setCategories(e.target.value)} aria-describedby={`${id}-categories-hint`} className={`mt-1 ${INPUT}`} />
          <p id={`${id}-categories-hint`} className="mt-1 text-xs text-slate-500">
            {t('categoriesHint')}
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-severities`} className="block text-sm font-medium text-slate-700">
            {t('severities')}
          </label>
          <input id={`${id}-severities`} value={severities} onChange={(e) => setSeverities(e.target.value)} aria-describedby={`${id}-severities-hint`} className={`mt-1 ${INPUT}`} />
          <p id={`${id}-severities-hint`} className="mt-1 text-xs text-slate-500">
            {t('severitiesHint')}
          </p>
        </div>
      </div>
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <thead className="text-left text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-2 py-1">{t('level')}</th>
              <th className="px-2 py-1">{t('assignType')}</th>
              <th className="px-2 py-1">{t('assignValue')}</th>
              <th className="px-2 py-1">{t('respondWithin')}</th>
              <th className="px-2 py-1">{t('resolveWithin')}</th>
              <th className="px-2 py-1">
                <span className="sr-only">{t('removeLevel', { level: '' })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {levels.map((l) => (
              <tr key={l.key} data-testid="policy-level">
                <td className="px-2 py-1">
                  <input aria-label={t('level')} type="number" min={1} max={99} value={l.level} onChange={(e) => update(l.key, { level: e.target.value })} className={`${INPUT} w-16`} />
                </td>
                <td className="px-2 py-1">
                  <select aria-label={t('assignType')} value={l.type} onChange={(e) => update(l.key, { type: e.target.value as AssignType, value: e.target.value === 'role' ? 'complaint_handler' : '' })} className={INPUT}>
                    {(['role', 'userId', 'queue'] as const).map((type) => (
                      <option key={type} value={type}>
                        {t(`types.${type}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="px-2 py-1">
                  {l.type === 'role' ? (
                    <select aria-label={t('assignValue')} value={l.value} onChange={(e) => update(l.key, { value: e.target.value })} className={INPUT}>
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {tRoles(r)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input aria-label={t('assignValue')} value={l.value} onChange={(e) => update(l.key, { value: e.target.value })} required className={INPUT} />
                  )}
                </td>
                <td className="px-2 py-1">
                  <input aria-label={t('respondWithin')} title={t('durationHint')} value={l.respondWithin} onChange={(e) => update(l.key, { respondWithin: e.target.value })} required className={`${INPUT} w-24 font-mono`} />
                </td>
                <td className="px-2 py-1">
                  <input aria-label={t('resolveWithin')} title={t('durationHint')} value={l.resolveWithin} onChange={(e) => update(l.key, { resolveWithin: e.target.value })} required className={`${INPUT} w-24 font-mono`} />
                </td>
                <td className="px-2 py-1">
                  <button type="button" disabled={levels.length === 1} onClick={() => setLevels((ls) => ls.filter((x) => x.key !== l.key))} aria-label={t('removeLevel', { level: l.level })} className="rounded px-2 py-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-40">
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-1 text-xs text-slate-500">{t('durationHint')}</p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={() => setLevels((ls) => [...ls, emptyLevel(Math.max(0, ...ls.map((l) => Number(l.level) || 0)) + 1)])} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50">
          {t('addLevel')}
        </button>
        <button type="submit" disabled={busy} data-testid="policy-save" className="rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60">
          {busy ? t('saving') : policy ? t('save') : t('create')}
        </button>
        {saved && (
          <span role="status" className="text-sm text-emerald-700">
            {t('saved')}
          </span>
        )}
      </div>
      {error && <RequestErrorMessage error={error} />}
    </form>
  );
}
