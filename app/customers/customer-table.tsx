import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { Segment } from '../../server/realtime/events';
import { SegmentBadge } from '../components/segment-badge';

export interface CustomerRow {
  id: string;
  name: string;
  phones: string[];
  email: string | null;
  tags: string[];
  segment: Segment | null;
}

const CELL = 'px-3 py-2 align-top';

export function CustomerTable({ customers }: { customers: CustomerRow[] }) {
  const t = useTranslations('customers');
  const columns = ['name', 'phones', 'email', 'tags', 'segment'] as const;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="customer-results">
        <caption className="sr-only">{t('tableCaption')}</caption>
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className="px-3 py-2">
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {customers.map((c) => (
            <tr key={c.id} data-testid="customer-row">
              <th scope="row" className={`${CELL} text-left font-medium text-slate-900`}>
                <Link href={`/customers/${c.id}`} className="text-indigo-700 hover:underline" data-testid="customer-link">
                  {c.name}
                </Link>
              </th>
              <td className={`${CELL} font-mono text-slate-700`}>{(c.phones ?? []).join(', ')}</td>
              <td className={`${CELL} text-slate-700`}>{c.email ?? ''}</td>
              <td className={CELL}>
                <div className="flex flex-wrap gap-1">
                  {(c.tags ?? []).map((tag) => (
                    <span key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                      {tag}
                    </span>
                  ))}
                </div>
              </td>
              <td className={CELL}>
                <SegmentBadge segment={c.segment ?? null} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
