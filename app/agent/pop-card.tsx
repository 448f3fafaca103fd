'use client';

import type { Dispatch } from 'react';
import type { PopBody } from '../../server/realtime/events';
import type { CallAction, CallEntry } from './calls';
import { CandidateChooser } from './pop/candidate-chooser';
import { ComplaintsList } from './pop/complaints-list';
import { CustomerProfile } from './pop/customer-profile';
import { FollowUpsList } from './pop/follow-ups-list';
import { HistoryTable } from './pop/history-table';
import { NewCustomerForm } from './pop/new-customer-form';
import { OrdersTable } from './pop/orders-table';
import { PopHeader } from './pop/pop-header';
import { WrapUpForm } from './wrap-up/wrap-up-form';

/** One call as the agent sees it: who is calling, what we know about them, and the wrap-up. */
export function PopCard({ call, dispatch }: { call: CallEntry; dispatch: Dispatch<CallAction> }) {
  const { pop, state } = call;
  const { callId, customer } = pop;
  const onLinked = (customerId: string, body: PopBody) => dispatch({ type: 'customer', callId, customerId, body });
  return (
    <article
      aria-label={customer?.name ?? pop.from}
      data-testid="call-pop"
      data-call-id={pop.callId}
      data-state={state}
      className={`space-y-5 rounded-xl border bg-white p-5 shadow-sm ${state === 'ringing' ? 'border-indigo-300 ring-2 ring-indigo-100' : 'border-slate-200'}`}
    >
      <PopHeader call={call} onDismiss={() => dispatch({ type: 'dismiss', callId })} />
      {pop.candidates.length > 1 && <CandidateChooser callId={callId} candidates={pop.candidates} linkedId={call.linkedCustomerId} onLinked={onLinked} />}
      {customer ? (
        <>
          <CustomerProfile customer={customer} />
          <div className="grid gap-5 xl:grid-cols-2">
            <OrdersTable orders={pop.orders} />
            <div className="space-y-5">
              <ComplaintsList complaints={pop.complaints} />
              <FollowUpsList followUps={pop.followUps} />
            </div>
          </div>
          <HistoryTable history={pop.history} />
        </>
      ) : (
        <NewCustomerForm callId={callId} from={pop.from} onLinked={onLinked} />
      )}
      {state !== 'ringing' && <WrapUpForm callId={callId} done={call.wrappedUp} onDone={() => dispatch({ type: 'wrapped', callId })} />}
    </article>
  );
}
