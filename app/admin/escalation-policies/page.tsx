import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeading } from '../../components/page-heading';
import { PolicyEditor } from './policy-editor';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('complaints.policies'))('title') };
}

/** Admins edit the escalation ladders (the admin layout keeps everyone else out). */
export default async function EscalationPoliciesPage() {
  const t = await getTranslations('complaints.policies');
  return (
    <>
      <PageHeading title={t('title')} subtitle={t('subtitle')} />
      <p className="mb-4 text-sm text-slate-600">{t('defaultNote')}</p>
      <PolicyEditor />
    </>
  );
}
