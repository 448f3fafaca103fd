import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeading } from '../components/page-heading';
import { ReportsView } from './reports-view';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reports'))('title') };
}

export default async function ReportsPage() {
  const t = await getTranslations('reports');
  return (
    <>
      <PageHeading title={t('title')} subtitle={t('subtitle')} />
      <ReportsView />
    </>
  );
}
