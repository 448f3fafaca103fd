import { useLocale, useTranslations } from 'next-intl';
import { formatTime } from '../../lib/format';
import { canDismiss, type CallEntry } from '../calls';
import { CallStateBadge } from '../call-state-badge';

/** Who is calling, on which line, and where the call stands. */
export function PopHeader({ call, onDismiss }: { call: CallEntry; onDismiss: () => void }) {
  const t = useTranslations('pop');
  const locale = useLocale();
  const { pop } = call;
  const caller = pop.customer?.name ?? t('unknownCaller');
  return (
    <header className="flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0">
        <h3 className="text-lg font-semibold text-slate-900" data-testid="pop-caller">
          {caller}
        </h3>
        <p className="text-sm text-slate-600">
          {t.rich('callFrom', {
            from: pop.from,
            to: pop.to,
            queue: pop.queue,
            at: formatTime(pop.startedAt, locale),
            num: (chunks) => <span className="font-mono">{chunks}</span>,
            time: (chunks) => <time dateTime={pop.startedAt}>{chunks}</time>,
          })}
        </p>
      </div>
      <div className="flex items-center gap-2">
        <CallStateBadge state={call.state} />
        {canDismiss(call) && (
          <button
            type="button"
            onClick={onDismiss}
            data-testid="pop-dismiss"
            aria-label={t('dismissLabel', { caller })}
            className="rounded-md px-2 py-1 text-sm text-slate-500 hover:bg-slate-100 hover:text-slate-800"
          >
            {t('dismiss')}
          </button>
        )}
      </div>
    </header>
  );
}
