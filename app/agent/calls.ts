import type { CallPop, CallState, CallStateEvent, PopBody } from '../../server/realtime/events';

export interface CallEntry {
  pop: CallPop;
  state: CallState;
  stateAt: string;
  /** The customer the agent linked to the call (chosen among candidates, or just created). */
  linkedCustomerId: string | null;
  wrappedUp: boolean;
}

const ORDER: Record<CallState, number> = { ringing: 0, answered: 1, completed: 2, missed: 2, abandoned: 2 };
export const isFinished = (state: CallState) => ORDER[state] === 2;

/** Finished and, if it was answered, wrapped up: a missed or abandoned call has nothing to wrap up. */
export const canDismiss = (call: CallEntry) => isFinished(call.state) && (call.wrappedUp || call.state !== 'completed');

export type CallAction =
  | { type: 'pop'; pop: CallPop }
  | { type: 'state'; event: CallStateEvent }
  | { type: 'customer'; callId: string; customerId: string; body: PopBody }
  | { type: 'wrapped'; callId: string }
  | { type: 'dismiss'; callId: string };

function update(calls: CallEntry[], callId: string, change: (c: CallEntry) => CallEntry): CallEntry[] {
  return calls.map((c) => (c.pop.callId === callId ? change(c) : c));
}

/**
 * Calls on the agent's screen, newest first. A pop replayed after a reconnect replaces the old
 * one (unless the agent already linked a customer); a state never moves backwards (events may
 * arrive late or twice).
 */
export function callsReducer(calls: CallEntry[], action: CallAction): CallEntry[] {
  switch (action.type) {
    case 'pop': {
      const existing = calls.find((c) => c.pop.callId === action.pop.callId);
      if (existing) return existing.linkedCustomerId ? calls : update(calls, action.pop.callId, (c) => ({ ...c, pop: action.pop }));
      return [{ pop: action.pop, state: 'ringing', stateAt: action.pop.startedAt, linkedCustomerId: null, wrappedUp: false }, ...calls];
    }
    case 'state':
      return update(calls, action.event.callId, (c) =>
        ORDER[action.event.state] >= ORDER[c.state] && !isFinished(c.state) ? { ...c, state: action.event.state, stateAt: action.event.at } : c,
      );
    case 'customer':
      // The chooser stays on screen with the pick marked, so keep the pop's candidates.
      return update(calls, action.callId, (c) => ({
        ...c,
        linkedCustomerId: action.customerId,
        pop: { ...c.pop, ...action.body, candidates: action.body.candidates.length ? action.body.candidates : c.pop.candidates },
      }));
    case 'wrapped':
      return update(calls, action.callId, (c) => ({ ...c, wrappedUp: true }));
    case 'dismiss':
      return calls.filter((c) => c.pop.callId !== action.callId);
  }
}
