'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { apiFetch } from '../lib/api';
import { HOME_BY_ROLE, type ConsoleUser } from '../lib/roles';
import { loginErrorMessage, type LoginErrorMessage } from './login-error';

const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none';

export function LoginForm() {
  const t = useTranslations('login');
  const [error, setError] = useState<LoginErrorMessage | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const { user } = await apiFetch<{ user: ConsoleUser }>('/api/auth/login', {
        method: 'POST',
        body: { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') },
      });
      // A full load, not a client navigation: the server just set the user's language cookie
      // and the root layout must render in it.
      window.location.assign(HOME_BY_ROLE[user.role]);
    } catch (err) {
      setError(loginErrorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-4" noValidate aria-busy={busy}>
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          {t('email')}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className={inputClass} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          {t('password')}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </div>
      {error && (
        <p role="alert" data-testid="login-error" data-error={error.key} className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {'values' in error ? t(`errors.${error.key}`, error.values) : t(`errors.${error.key}`)}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60"
      >
        {busy ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
