import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeading } from '../../components/page-heading';
import { ImportsPanel } from './imports-panel';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('imports'))('title') };
}

export default async function ImportsPage() {
  const t = await getTranslations('imports');
  return (
    <>
      <PageHeading title={t('title')} subtitle={t('subtitle')} />
      <ImportsPanel />
    </>
  );
}
