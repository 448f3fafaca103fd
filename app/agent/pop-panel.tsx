'use client';

import { useTranslations } from 'next-intl';
import { useReducer } from 'react';
import { useSocketEvent } from '../lib/use-socket';
import { callsReducer } from './calls';
import { PopCard } from './pop-card';

/** Where screen-pops appear: every `call:pop` offered to this agent, kept current by `call:state`. */
export function PopPanel() {
  const t = useTranslations('pop');
  const [calls, dispatch] = useReducer(callsReducer, []);
  useSocketEvent('call:pop', (pop) => dispatch({ type: 'pop', pop }));
  useSocketEvent('call:state', (event) => dispatch({ type: 'state', event }));

  return (
    <section aria-labelledby="pop-heading" data-testid="pop-panel" className="min-w-0">
      <h2 id="pop-heading" className="sr-only">
        {t('title')}
      </h2>
      {calls.length === 0 ? (
        <div className="grid min-h-48 place-items-center rounded-xl border-2 border-dashed border-slate-200 bg-white/60 p-8 text-center text-sm text-slate-500">
          {t('empty')}
        </div>
      ) : (
        <ul className="space-y-4" aria-live="polite">
          {calls.map((call) => (
            <li key={call.pop.callId}>
              <PopCard call={call} dispatch={dispatch} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
