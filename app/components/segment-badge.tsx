import { useTranslations } from 'next-intl';
import type { Segment } from '../../server/realtime/events';

const TONE: Record<Segment | 'none', string> = {
  gold: 'bg-amber-100 text-amber-900',
  meteor: 'bg-violet-100 text-violet-900',
  stream: 'bg-sky-100 text-sky-900',
  burden: 'bg-rose-100 text-rose-900',
  none: 'bg-slate-100 text-slate-600',
};

export function SegmentBadge({ segment, className = '' }: { segment: Segment | null; className?: string }) {
  const t = useTranslations('segment');
  const key = segment ?? 'none';
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${TONE[key]} ${className}`}>{t(key)}</span>;
}
