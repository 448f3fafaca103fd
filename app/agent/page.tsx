import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ConnectionIndicator } from '../components/connection-indicator';
import { PageHeading } from '../components/page-heading';
import { FollowUpDueCards } from '../followups/follow-up-due-cards';
import { AgentStatusProvider } from './agent-status';
import { PopPanel } from './pop-panel';
import { StatusSwitch } from './status-switch';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('agent'))('title') };
}

export default async function AgentPage() {
  const t = await getTranslations('agent');
  return (
    <>
      <PageHeading title={t('title')} subtitle={t('subtitle')} aside={<ConnectionIndicator />} />
      <FollowUpDueCards />
      <AgentStatusProvider>
        <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
          <StatusSwitch />
          <PopPanel />
        </div>
      </AgentStatusProvider>
    </>
  );
}
