import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { isLocale, LOCALE_COOKIE, negotiateLocale } from './locales';
import { loadMessages } from './messages';

/**
 * No locale in the URL: the language is the user's remembered choice (the `sb_locale` cookie the
 * server sets on login and on every switch), else the browser's Accept-Language, else English.
 */
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : negotiateLocale((await headers()).get('accept-language'));
  return { locale, messages: await loadMessages(locale) };
});
