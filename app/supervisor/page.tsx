import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ConnectionIndicator } from '../components/connection-indicator';
import { PageHeading } from '../components/page-heading';
import { QueueBoard } from './queue-board';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('supervisor'))('title') };
}

export default async function SupervisorPage() {
  const t = await getTranslations('supervisor');
  return (
    <>
      <PageHeading title={t('title')} subtitle={t('subtitle')} aside={<ConnectionIndicator />} />
      <QueueBoard />
    </>
  );
}
