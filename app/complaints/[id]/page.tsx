import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ComplaintDetailView } from './complaint-detail-view';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('complaints.detail'))('title') };
}

export default async function ComplaintPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ComplaintDetailView id={id} />;
}
