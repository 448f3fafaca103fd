'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { HOME_BY_ROLE, type Role } from '../lib/roles';
import { useSession } from '../lib/session';

/** Renders its children once the session is known and the user's role may see them (admins always may). */
export function RoleGate({ roles, children }: { roles: Role[] | 'any'; children: ReactNode }) {
  const t = useTranslations();
  const session = useSession();

  if (session.status === 'loading') {
    return (
      <p role="status" className="text-sm text-slate-500">
        {t('app.loading')}
      </p>
    );
  }
  if (session.status === 'error') {
    return (
      <p role="alert" className="rounded-md bg-red-50 p-4 text-sm text-red-800">
        {t('access.sessionError')}
      </p>
    );
  }
  const { role } = session.user;
  if (roles === 'any' || role === 'admin' || roles.includes(role)) return children;

  return (
    <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-6" data-testid="access-denied">
      <h1 className="text-lg font-semibold text-amber-900">{t('access.title')}</h1>
      <p className="mt-1 text-sm text-amber-800">{t('access.body', { roles: roles.map((r) => t(`roles.${r}`)).join(', ') })}</p>
      <Link href={HOME_BY_ROLE[role]} className="mt-4 inline-block text-sm font-medium text-amber-900 underline">
        {t('access.goHome')}
      </Link>
    </div>
  );
}
