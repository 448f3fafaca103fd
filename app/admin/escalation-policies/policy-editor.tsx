'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { apiFetch } from '../../lib/api';
import type { PolicyView } from '../../../server/complaints/policies/policy-view';
import { PolicyForm } from './policy-form';

type Load = { status: 'loading' } | { status: 'ready'; policies: PolicyView[] } | { status: 'error' };

/** Every policy as an editable form, and one blank form for a new policy. */
export function PolicyEditor() {
  const t = useTranslations('complaints.policies');
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [blank, setBlank] = useState(0);

  useEffect(() => {
    apiFetch<{ policies: PolicyView[] }>('/api/escalation-policies')
      .then(({ policies }) => setLoad({ status: 'ready', policies }))
      .catch(() => setLoad({ status: 'error' }));
  }, []);

  const saved = (policy: PolicyView) =>
    setLoad((current) =>
      current.status !== 'ready'
        ? current
        : { status: 'ready', policies: current.policies.some((p) => p.name === policy.name) ? current.policies.map((p) => (p.name === policy.name ? policy : p)) : [...current.policies, policy] },
    );

  if (load.status === 'loading') {
    return (
      <p role="status" className="text-sm text-slate-500">
        {t('loading')}
      </p>
    );
  }
  if (load.status === 'error') {
    return (
      <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
        {t('loadFailed')}
      </p>
    );
  }
  return (
    <div className="space-y-6">
      {load.policies.length === 0 && <p className="text-sm text-slate-500">{t('empty')}</p>}
      {load.policies.map((p) => (
        <section key={p.id} aria-label={p.name}>
          <PolicyForm policy={p} onSaved={saved} />
        </section>
      ))}
      <section aria-label={t('newPolicy')}>
        <h2 className="mb-2 text-sm font-semibold text-slate-900">{t('newPolicy')}</h2>
        <PolicyForm
          key={blank}
          policy={null}
          onSaved={(p) => {
            saved(p);
            setBlank((n) => n + 1);
          }}
        />
      </section>
    </div>
  );
}
