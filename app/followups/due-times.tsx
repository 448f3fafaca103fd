'use client';

import { useLocale, useTranslations } from 'next-intl';

function inZone(iso: string, locale: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone && { timeZone }) }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}

/** A due time in the agent's own zone (the browser's) and, when known and different, the customer's. */
export function DueTimes({ dueAt, customerZone }: { dueAt: string; customerZone: string | null | undefined }) {
  const t = useTranslations('followups');
  const locale = useLocale();
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
      <dt className="text-slate-500">{t('yourTime')}</dt>
      <dd data-testid="followup-due-local">
        <time dateTime={dueAt}>{inZone(dueAt, locale)}</time>
      </dd>
      {customerZone && customerZone !== own && (
        <>
          <dt className="text-slate-500">{t('customerTime', { zone: customerZone })}</dt>
          <dd data-testid="followup-due-customer">{inZone(dueAt, locale, customerZone)}</dd>
        </>
      )}
    </dl>
  );
}
