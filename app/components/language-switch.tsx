'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { apiFetch } from '../lib/api';
import { LOCALE_COOKIE, LOCALES, type ConsoleLocale } from '../i18n/locales';

/**
 * English / 中文. Signed in, the choice is saved on the user (the server also sets the cookie);
 * on the login page only the cookie is set. Then server components re-render in the new language.
 */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations('language');
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);

  async function choose(locale: ConsoleLocale) {
    if (locale === current) return;
    setFailed(false);
    try {
      if (signedIn) await apiFetch('/api/auth/me/locale', { method: 'PUT', body: { locale } });
      else document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${365 * 86400}; samesite=lax`;
      startTransition(() => router.refresh());
    } catch {
      setFailed(true);
    }
  }

  return (
    <div className="flex items-center gap-2">
      <div role="group" aria-label={t('label')} className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm" data-testid="language-switch">
        {LOCALES.map((locale) => (
          <button
            key={locale}
            type="button"
            lang={locale}
            aria-pressed={locale === current}
            disabled={pending}
            onClick={() => void choose(locale)}
            data-testid={`language-${locale}`}
            className="rounded px-2.5 py-1 text-slate-600 hover:text-slate-900 aria-pressed:bg-slate-900 aria-pressed:text-white disabled:opacity-60"
          >
            {t(locale)}
          </button>
        ))}
      </div>
      {failed && (
        <span role="alert" className="text-xs text-red-700">
          {t('failed')}
        </span>
      )}
    </div>
  );
}
