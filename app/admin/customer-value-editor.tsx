'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, apiFetch } from '../lib/api';
import { splitList } from '../lib/split-list';

interface ValueConfig {
  windowDays: number;
  thresholds: { frequentScore: number; highValueScore: number; minOrdersForFrequent: number };
  excludedStatuses: string[];
  currencyRates: Record<string, number>;
}
interface ValueSettings {
  config: ValueConfig;
  lastRun: { computedAt: string; population: number; windowDays: number; perOrderBasis: 'margin' | 'value'; config: ValueConfig | null } | null;
}
interface Form {
  windowDays: string;
  frequentScore: string;
  highValueScore: string;
  minOrdersForFrequent: string;
  excludedStatuses: string;
  currencyRates: string;
}
type State =
  | { status: 'loading' | 'idle' | 'saving' | 'rescored' }
  | { status: 'saved'; recomputeQueued: boolean; previousRun: string | null; saved: string }
  | { status: 'failed'; message: string };

// After a save, how often and for how long the editor looks for the full run that applies it.
const POLL_MS = 2000;
const POLL_FOR_MS = 10 * 60 * 1000;

const SCORES = ['1', '2', '3', '4', '5'];

const formOf = (config: ValueConfig): Form => ({
  windowDays: String(config.windowDays),
  frequentScore: String(config.thresholds.frequentScore),
  highValueScore: String(config.thresholds.highValueScore),
  minOrdersForFrequent: String(config.thresholds.minOrdersForFrequent),
  excludedStatuses: config.excludedStatuses.join(', '),
  currencyRates: Object.entries(config.currencyRates)
    .map(([code, rate]) => `${code} ${rate}`)
    .join('\n'),
});

/** "USD 7.2" per line (also "USD=7.2", "USD: 7.2"); the server names any line it cannot use. */
function parseRates(text: string): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const [, code = line, rate = ''] = /^(\S+?)\s*[=:：\s]\s*(\S+)$/.exec(line) ?? [];
    rates[code.toUpperCase()] = rate === '' ? Number.NaN : Number(rate);
  }
  return rates;
}

const configOf = (form: Form): ValueConfig => ({
  windowDays: Number(form.windowDays),
  thresholds: { frequentScore: Number(form.frequentScore), highValueScore: Number(form.highValueScore), minOrdersForFrequent: Number(form.minOrdersForFrequent) },
  excludedStatuses: splitList(form.excludedStatuses.replace(/\n/g, ',')),
  currencyRates: parseRates(form.currencyRates),
});

/** A 1–5 score threshold. */
function ScoreSelect(props: { label: string; value: string | undefined; onChange: (e: { target: { value: string } }) => void; disabled: boolean; testId: string; className: string }) {
  return (
    <label className="block text-xs font-medium text-slate-600">
      {props.label}
      <select value={props.value ?? '3'} onChange={props.onChange} disabled={props.disabled} data-testid={props.testId} className={props.className}>
        {SCORES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Why a save was refused, naming the field the server named. */
function describeFailure(err: unknown): string {
  if (err instanceof ApiError && Array.isArray(err.details)) {
    const issues = err.details as Array<{ path?: string; message?: string }>;
    return issues.map((i) => [i.path, i.message].filter(Boolean).join(': ')).join('; ') || err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

/** How customer value is judged (PUT /api/settings/customer-value); saving rescores every customer. */
export function CustomerValueEditor() {
  const t = useTranslations('admin.customerValue');
  const format = useFormatter();
  const [form, setForm] = useState<Form | null>(null);
  const [lastRun, setLastRun] = useState<ValueSettings['lastRun']>(null);
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    apiFetch<ValueSettings>('/api/settings/customer-value', { signal: controller.signal })
      .then((settings) => {
        setForm(formOf(settings.config));
        setLastRun(settings.lastRun);
        setState({ status: 'idle' });
      })
      .catch((err: unknown) => !controller.signal.aborted && setState({ status: 'failed', message: describeFailure(err) }));
    return () => controller.abort();
  }, []);

  // The queued full run applies the settings; once a run under exactly these settings has finished
  // (not the nightly one, nor one already under way with the old ones), say so and show its figures.
  const awaiting = state.status === 'saved' && state.recomputeQueued ? { previousRun: state.previousRun, saved: state.saved } : undefined;
  const awaitingRun = awaiting?.previousRun;
  const awaitingConfig = awaiting?.saved;
  useEffect(() => {
    if (awaitingConfig === undefined) return;
    const controller = new AbortController();
    const deadline = Date.now() + POLL_FOR_MS;
    const timer = setInterval(() => {
      if (Date.now() > deadline) return clearInterval(timer);
      apiFetch<ValueSettings>('/api/settings/customer-value', { signal: controller.signal })
        .then((settings) => {
          const run = settings.lastRun;
          if (!run || run.computedAt === awaitingRun || JSON.stringify(run.config) !== awaitingConfig) return;
          clearInterval(timer);
          setLastRun(settings.lastRun);
          setState({ status: 'rescored' });
        })
        .catch(() => {}); // a missed poll is retried by the next one
    }, POLL_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [awaitingRun, awaitingConfig]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!form) return;
    setState({ status: 'saving' });
    try {
      const saved = await apiFetch<{ config: ValueConfig; recomputeQueued: boolean }>('/api/settings/customer-value', { method: 'PUT', body: configOf(form) });
      setForm(formOf(saved.config));
      setState({ status: 'saved', recomputeQueued: saved.recomputeQueued, previousRun: lastRun?.computedAt ?? null, saved: JSON.stringify(saved.config) });
    } catch (err) {
      setState({ status: 'failed', message: describeFailure(err) });
    }
  }

  const set = (key: keyof Form) => (e: { target: { value: string } }) => setForm((f) => (f ? { ...f, [key]: e.target.value } : f));
  const input = 'mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none';
  const disabled = !form || state.status === 'loading' || state.status === 'saving';

  return (
    <form onSubmit={submit} className="mt-8 max-w-xl space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="customer-value-heading">
      <h2 id="customer-value-heading" className="text-sm font-semibold text-slate-900">
        {t('title')}
      </h2>
      <p className="text-xs text-slate-600">{t('intro')}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-xs font-medium text-slate-600">
          {t('windowDays')}
          <input type="number" min={1} max={3650} required value={form?.windowDays ?? ''} onChange={set('windowDays')} disabled={disabled} data-testid="value-window-days" className={input} />
        </label>
        <label className="block text-xs font-medium text-slate-600">
          {t('minOrdersForFrequent')}
          <input type="number" min={1} max={1000} required value={form?.minOrdersForFrequent ?? ''} onChange={set('minOrdersForFrequent')} disabled={disabled} data-testid="value-min-orders" className={input} />
        </label>
        <ScoreSelect label={t('frequentScore')} value={form?.frequentScore} onChange={set('frequentScore')} disabled={disabled} testId="value-frequent-score" className={input} />
        <ScoreSelect label={t('highValueScore')} value={form?.highValueScore} onChange={set('highValueScore')} disabled={disabled} testId="value-high-value-score" className={input} />
      </div>
      <label className="block text-xs font-medium text-slate-600">
        {t('excludedStatuses')}
        <input value={form?.excludedStatuses ?? ''} onChange={set('excludedStatuses')} disabled={disabled} data-testid="value-excluded-statuses" className={input} />
      </label>
      <label className="block text-xs font-medium text-slate-600">
        {t('currencyRates')}
        <textarea
          value={form?.currencyRates ?? ''}
          onChange={set('currencyRates')}
          disabled={disabled}
          rows={3}
          placeholder="USD 7.2"
          data-testid="value-currency-rates"
          className={`${input} font-mono`}
        />
      </label>
      <p className="text-xs text-slate-500" data-testid="value-last-run">
        {lastRun
          ? t('lastRun', {
              at: format.dateTime(new Date(lastRun.computedAt), { dateStyle: 'medium', timeStyle: 'short' }),
              population: lastRun.population,
              windowDays: lastRun.windowDays,
              basis: t(`basis.${lastRun.perOrderBasis}`),
            })
          : t('neverRun')}
      </p>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={disabled} className="shrink-0 whitespace-nowrap rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-60">
          {state.status === 'saving' ? t('saving') : t('save')}
        </button>
        <span aria-live="polite" className="text-sm" data-testid="value-status">
          {state.status === 'saved' && <span className="text-emerald-700">{state.recomputeQueued ? t('savedRescoring') : t('savedNightly')}</span>}
          {state.status === 'rescored' && <span className="text-emerald-700">{t('rescored')}</span>}
          {state.status === 'failed' && <span className="text-red-700">{t('failed', { message: state.message })}</span>}
        </span>
      </div>
    </form>
  );
}
