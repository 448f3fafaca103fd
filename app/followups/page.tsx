import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ConnectionIndicator } from '../components/connection-indicator';
import { PageHeading } from '../components/page-heading';
import { FollowUpDueCards } from './follow-up-due-cards';
import { MyFollowUps } from './my-follow-ups';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('followups'))('title') };
}

export default async function FollowUpsPage() {
  const t = await getTranslations('followups');
  return (
    <>
      <PageHeading title={t('title')} subtitle={t('subtitle')} aside={<ConnectionIndicator />} />
      <div className="space-y-6">
        <FollowUpDueCards />
        <MyFollowUps />
      </div>
    </>
  );
}
