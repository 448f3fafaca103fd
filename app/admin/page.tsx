import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeading } from '../components/page-heading';
import { DispositionsEditor } from './dispositions-editor';
import { CustomerValueEditor } from './customer-value-editor';
import { QueueSettings } from './queue-settings';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('title') };
}

const LINKS = ['agent', 'supervisor', 'complaints', 'customers'] as const;

export default async function AdminPage() {
  const t = await getTranslations('admin');
  return (
    <>
      <PageHeading title={t('title')} subtitle={t('subtitle')} />
      <ul className="grid gap-4 sm:grid-cols-2">
        {LINKS.map((section) => (
          <li key={section}>
            <Link
              href={`/${section}`}
              className="block rounded-xl border border-slate-200 bg-white p-5 text-sm font-medium text-slate-900 shadow-sm hover:border-indigo-300 hover:shadow"
            >
              {t(`links.${section}`)}
            </Link>
          </li>
        ))}
      </ul>
      <DispositionsEditor />
      <CustomerValueEditor />
      <QueueSettings />
    </>
  );
}
