import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeading } from '../../components/page-heading';
import { NewComplaint } from './new-complaint';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('complaints.newPage'))('title') };
}

/** /complaints/new?customerId=…[&callId=…]: the open-complaint form for one customer (the customer page's entry). */
export default async function NewComplaintPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations('complaints.newPage');
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return (
    <>
      <PageHeading title={t('title')} subtitle={t('subtitle')} />
      <NewComplaint customerId={one(params.customerId) ?? null} callId={one(params.callId)} />
    </>
  );
}
