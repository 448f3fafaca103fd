/** The console's languages. `en` is the fallback for anyone we cannot match. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type ConsoleLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: ConsoleLocale = 'en';
/** Set by the server on login and by PUT /api/auth/me/locale; readable so the login page can set it too. */
export const LOCALE_COOKIE = 'sb_locale';

export const isLocale = (value: unknown): value is ConsoleLocale => LOCALES.includes(value as ConsoleLocale);

/**
 * Picks a console locale from an Accept-Language header, honouring q-values:
 * any Chinese variant reads Simplified Chinese (the only Chinese we ship), anything else English.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): ConsoleLocale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
  }
  return DEFAULT_LOCALE;
}
