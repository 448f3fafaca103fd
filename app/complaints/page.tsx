import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ConnectionIndicator } from '../components/connection-indicator';
import { PageHeading } from '../components/page-heading';
import { ComplaintWorklist } from './complaint-worklist';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('complaints'))('title') };
}

/** The complaint handler's worklist; supervisors open it on what escalated to them. */
export default async function ComplaintsPage() {
  const t = await getTranslations('complaints');
  return (
    <>
      <PageHeading title={t('title')} subtitle={t('subtitle')} aside={<ConnectionIndicator />} />
      <ComplaintWorklist />
    </>
  );
}
