import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeading } from '../components/page-heading';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('complaints'))('title') };
}

/** The complaint handler's home; the worklist arrives with the complaints feature. */
export default async function ComplaintsPage() {
  const t = await getTranslations('complaints');
  return (
    <>
      <PageHeading title={t('title')} subtitle={t('subtitle')} />
      <p className="rounded-xl border-2 border-dashed border-slate-200 bg-white/60 p-8 text-center text-sm text-slate-500">{t('empty')}</p>
    </>
  );
}
