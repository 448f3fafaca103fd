import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeading } from '../components/page-heading';
import { CustomerSearch } from './customer-search';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('customers'))('title') };
}

export default async function CustomersPage() {
  const t = await getTranslations('customers');
  return (
    <>
      <PageHeading title={t('title')} subtitle={t('subtitle')} />
      <CustomerSearch />
    </>
  );
}
