'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { FollowUpDue } from '../../server/realtime/events';
import { ApiError } from '../lib/api';
import { useSocket, useSocketEvent } from '../lib/use-socket';
import { DueTimes } from './due-times';
import { announceChange, dialFollowUp, OUTCOMES, recordOutcome, type Outcome } from './follow-up-api';

/**
 * `followup:due` as pop-like cards: who to call and why, Start (dials through the provider or says
 * to dial by hand) and the outcome buttons. A card is acknowledged once its outcome is recorded,
 * so one that was never handled comes back on the next connect.
 */
export function FollowUpDueCards() {
  const t = useTranslations('followups');
  const { socket } = useSocket();
  const [cards, setCards] = useState<FollowUpDue[]>([]);
  useSocketEvent('followup:due', (event) =>
    setCards((current) => [...current.filter((c) => c.followUp.id !== event.followUp.id), event]),
  );

  const done = (event: FollowUpDue) => {
    setCards((current) => current.filter((c) => c.followUp.id !== event.followUp.id));
    if (event.notificationId) socket?.emit('notification:ack', { id: event.notificationId });
    announceChange();
  };

  if (cards.length === 0) return null;
  return (
    <section aria-label={t('popsLabel')} data-testid="followup-pops" className="mb-6 space-y-4">
      {cards.map((event) => (
        <FollowUpCard key={`${event.followUp.id}-${event.followUp.attempt}`} event={event} onDone={() => done(event)} />
      ))}
    </section>
  );
}

type DialState = { kind: 'idle' } | { kind: 'dialling' } | { kind: 'dialled'; to: string } | { kind: 'manual'; to: string | null } | { kind: 'error'; reason: string };

function FollowUpCard({ event, onDone }: { event: FollowUpDue; onDone: () => void }) {
  const t = useTranslations('followups');
  const { followUp, pop } = event;
  const [dial, setDial] = useState<DialState>({ kind: 'idle' });
  const [saving, setSaving] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const kind = typeof followUp.kind === 'string' ? followUp.kind : 'other';
  const maxAttempts = typeof followUp.maxAttempts === 'number' ? followUp.maxAttempts : followUp.attempt;

  const start = async () => {
    setDial({ kind: 'dialling' });
    try {
      const res = await dialFollowUp(followUp.id);
      setDial(res.dialled ? { kind: 'dialled', to: res.to } : { kind: 'manual', to: res.to });
    } catch (err) {
      setDial({ kind: 'error', reason: err instanceof Error ? err.message : String(err) });
    }
  };

  const record = async (outcome: Outcome) => {
    setSaving(outcome);
    setError(null);
    try {
      await recordOutcome(followUp.id, outcome);
      onDone();
    } catch (err) {
      // 409: it was already closed elsewhere (another tab, a supervisor): nothing left to do here.
      if (err instanceof ApiError && err.status === 409) onDone();
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(null);
    }
  };

  return (
    <article
      data-testid="followup-pop"
      data-followup-id={followUp.id}
      data-attempt={followUp.attempt}
      aria-label={pop.customer?.name ?? t('popTitle')}
      className="rounded-xl border border-amber-300 bg-white p-5 shadow-sm ring-2 ring-amber-100"
    >
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-amber-700">
            {t('popTitle')} · {t(`kind.${kind as 'callback'}`)}
          </p>
          <h3 className="text-lg font-semibold text-slate-900" data-testid="followup-pop-customer">
            {pop.customer?.name ?? followUp.customerId}
          </h3>
          {pop.customer?.phones[0] && <p className="font-mono text-sm text-slate-600">{pop.customer.phones[0]}</p>}
        </div>
        <p className="text-sm text-slate-500">{t('attempt', { attempt: followUp.attempt, max: maxAttempts })}</p>
      </header>
      <p className="mt-3 text-slate-800" data-testid="followup-pop-reason">
        {followUp.reason}
      </p>
      <div className="mt-3">
        <DueTimes dueAt={followUp.dueAt} customerZone={pop.customer?.timezone} />
      </div>

      <div className="mt-4 flex flex-wrap items-center gap-2">
        <button
          type="button"
          data-testid="followup-start"
          onClick={() => void start()}
          disabled={dial.kind === 'dialling'}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
        >
          {dial.kind === 'dialling' ? t('dialling') : t('start')}
        </button>
        <span className="ml-2 text-xs font-medium uppercase tracking-wide text-slate-500">{t('recordOutcome')}</span>
        {OUTCOMES.map((outcome) => (
          <button
            key={outcome}
            type="button"
            data-testid={`followup-outcome-${outcome}`}
            onClick={() => void record(outcome)}
            disabled={saving !== null}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50 disabled:opacity-60"
          >
            {saving === outcome ? t('saving') : t(`outcome.${outcome}`)}
          </button>
        ))}
      </div>
      <p role="status" className="mt-2 text-sm text-slate-600" data-testid="followup-dial-status">
        {dial.kind === 'dialled' && t('dialled', { number: dial.to })}
        {dial.kind === 'manual' && (dial.to ? t('manual', { number: dial.to }) : t('noNumber'))}
        {dial.kind === 'error' && t('failed', { reason: dial.reason })}
      </p>
      {error && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {t('failed', { reason: error })}
        </p>
      )}
    </article>
  );
}
