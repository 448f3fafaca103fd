'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useNow } from './use-now';

function timeIn(zone: string, now: Date, locale: string): string | null {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(now);
  } catch {
    return null; // a zone this browser does not know
  }
}

/** The customer's wall-clock time, so the agent knows whether "call you back at 9" is tonight. */
export function LocalTime({ timezone }: { timezone: string | null }) {
  const t = useTranslations('pop');
  const locale = useLocale();
  const now = useNow();
  const time = timezone ? timeIn(timezone, now, locale) : null;
  return <span data-testid="pop-local-time">{timezone && time ? t('localTimeValue', { time, zone: timezone }) : t('noTimezone')}</span>;
}
