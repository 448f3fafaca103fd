'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import type { PopOrder } from '../../server/realtime/events';
import { apiFetch } from '../lib/api';
import { requestError, type RequestError } from '../lib/api-error';
import { SEVERITIES, type Severity } from './complaint-types';
import { RequestErrorMessage } from './request-error-message';

export interface OpenedComplaint {
  id: string;
  level: number;
  status: string;
  assigneeId: string | null;
  respondBy: string | null;
  resolveBy: string | null;
}

export interface OpenComplaintFormProps {
  customerId: string;
  /** The call the complaint was raised on (from a pop): linked to the complaint. */
  callId?: string;
  /** The customer's orders (a pop's `orders`), offered as the order complained about. */
  orders?: Array<Pick<PopOrder, 'id' | 'externalId' | 'total' | 'currency' | 'placedAt'>>;
  onCreated?: (complaint: OpenedComplaint) => void;
}

const CATEGORIES = ['delivery', 'billing', 'product', 'service', 'other'];
const FIELDS = ['summary', 'category', 'severity', 'orderId', 'description'] as const;
const INPUT = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none';

/**
 * "Open a complaint" for one customer: self-contained (it posts to /api/complaints itself), so the
 * agent's pop and the customer page embed it as they are. The policy, assignee and deadlines are the
 * server's choice; the form shows the level it landed at and links to the complaint.
 */
export function OpenComplaintForm({ customerId, callId, orders = [], onCreated }: OpenComplaintFormProps) {
  const t = useTranslations('complaints.form');
  const tSeverity = useTranslations('severity');
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RequestError | null>(null);
  const [created, setCreated] = useState<OpenedComplaint | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const body = {
      customerId,
      summary: text('summary'),
      category: text('category'),
      severity: text('severity') as Severity,
      ...(callId && { callId }),
      ...(text('orderId') && { orderId: text('orderId') }),
      ...(text('description') && { description: text('description') }),
    };
    setBusy(true);
    setError(null);
    try {
      const complaint = await apiFetch<OpenedComplaint>('/api/complaints', { method: 'POST', body });
      form.reset();
      setCreated(complaint);
      onCreated?.(complaint);
    } catch (err) {
      setError(requestError(err));
    } finally {
      setBusy(false);
    }
  }

  const label = (field: string) => ((FIELDS as readonly string[]).includes(field) ? t(field === 'orderId' ? 'order' : (field as Exclude<(typeof FIELDS)[number], 'orderId'>)) : field);

  if (created) {
    return (
      <div role="status" data-testid="open-complaint-done" data-complaint-id={created.id} className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900">
        <p>{t('created', { level: created.level })}</p>
        <div className="mt-2 flex gap-4">
          <Link href={`/complaints/${created.id}`} className="font-medium underline">
            {t('view')}
          </Link>
          <button type="button" onClick={() => setCreated(null)} className="font-medium underline">
            {t('another')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} data-testid="open-complaint-form" className="space-y-3 rounded-lg border border-rose-100 bg-rose-50/40 p-4">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {t('title')}
      </h3>
      <div>
        <label htmlFor={`${id}-summary`} className="block text-sm font-medium text-slate-700">
          {t('summary')}
        </label>
        <input id={`${id}-summary`} name="summary" required maxLength={500} autoComplete="off" className={INPUT} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-category`} className="block text-sm font-medium text-slate-700">
            {t('category')}
          </label>
          <input id={`${id}-category`} name="category" required maxLength={100} list={`${id}-categories`} aria-describedby={`${id}-category-hint`} className={INPUT} />
          <datalist id={`${id}-categories`}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <p id={`${id}-category-hint`} className="mt-1 text-xs text-slate-500">
            {t('categoryHint')}
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-severity`} className="block text-sm font-medium text-slate-700">
            {t('severity')}
          </label>
          <select id={`${id}-severity`} name="severity" defaultValue="medium" className={INPUT}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {tSeverity(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {orders.length > 0 && (
        <div>
          <label htmlFor={`${id}-order`} className="block text-sm font-medium text-slate-700">
            {t('order')}
          </label>
          <select id={`${id}-order`} name="orderId" defaultValue="" className={INPUT}>
            <option value="">{t('noOrder')}</option>
            {orders.map((o) => (
              <option key={o.id} value={o.id}>
                {o.externalId} · {o.total} {o.currency} · {o.placedAt.slice(0, 10)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div>
        <label htmlFor={`${id}-description`} className="block text-sm font-medium text-slate-700">
          {t('description')}
        </label>
        <textarea id={`${id}-description`} name="description" rows={3} maxLength={10_000} className={INPUT} />
      </div>
      {error && <RequestErrorMessage error={error} fieldLabel={label} />}
      <button type="submit" disabled={busy} data-testid="open-complaint-submit" className="rounded-md bg-rose-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-rose-500 disabled:opacity-60">
        {busy ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
