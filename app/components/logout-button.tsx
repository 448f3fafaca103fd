'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { apiFetch } from '../lib/api';

export function LogoutButton() {
  const t = useTranslations('header');
  const [busy, setBusy] = useState(false);

  async function logout() {
    setBusy(true);
    // Whatever the server says, leave: a session that cannot be deleted has expired already.
    await apiFetch('/api/auth/logout', { method: 'POST', body: {} }).catch(() => undefined);
    window.location.assign('/login');
  }

  return (
    <button
      type="button"
      onClick={() => void logout()}
      disabled={busy}
      data-testid="logout"
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
    >
      {busy ? t('loggingOut') : t('logout')}
    </button>
  );
}
