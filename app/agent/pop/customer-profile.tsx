import { useTranslations } from 'next-intl';
import type { PopCustomer } from '../../../server/realtime/events';
import { Field } from './field';
import { LocalTime } from './local-time';
import { SegmentInfo } from './segment-info';

/** Who the caller is: value segment, tags, numbers, email and their local time. */
export function CustomerProfile({ customer }: { customer: PopCustomer }) {
  const t = useTranslations('pop');
  return (
    <section aria-label={t('profile')} data-testid="pop-profile">
      <SegmentInfo customer={customer} />
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-3 text-sm md:grid-cols-4">
        <Field label={t('phones')} testId="pop-phones">
          <span className="font-mono">{customer.phones.join(', ')}</span>
        </Field>
        <Field label={t('email')}>{customer.email ?? '—'}</Field>
        <Field label={t('localTime')}>
          <LocalTime timezone={customer.timezone} />
        </Field>
        <Field label={t('tags')} testId="pop-tags">
          {customer.tags.length === 0 ? (
            <span className="text-slate-500">{t('noTags')}</span>
          ) : (
            <ul className="flex flex-wrap gap-1">
              {customer.tags.map((tag) => (
                <li key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                  {tag}
                </li>
              ))}
            </ul>
          )}
        </Field>
      </dl>
    </section>
  );
}
