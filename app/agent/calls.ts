import type { CallPop, CallState, CallStateEvent } from '../../server/realtime/events';

export interface CallEntry {
  pop: CallPop;
  state: CallState;
  stateAt: string;
}

const ORDER: Record<CallState, number> = { ringing: 0, answered: 1, completed: 2, missed: 2, abandoned: 2 };
export const isFinished = (state: CallState) => ORDER[state] === 2;

export type CallAction = { type: 'pop'; pop: CallPop } | { type: 'state'; event: CallStateEvent } | { type: 'dismiss'; callId: string };

/**
 * Calls on the agent's screen, newest first. A pop replayed after a reconnect replaces the old
 * one; a state never moves backwards (events may arrive late or twice).
 */
export function callsReducer(calls: CallEntry[], action: CallAction): CallEntry[] {
  switch (action.type) {
    case 'pop': {
      const existing = calls.find((c) => c.pop.callId === action.pop.callId);
      if (existing) return calls.map((c) => (c === existing ? { ...c, pop: action.pop } : c));
      return [{ pop: action.pop, state: 'ringing', stateAt: action.pop.startedAt }, ...calls];
    }
    case 'state':
      return calls.map((c) =>
        c.pop.callId === action.event.callId && ORDER[action.event.state] >= ORDER[c.state] && !isFinished(c.state)
          ? { ...c, state: action.event.state, stateAt: action.event.at }
          : c,
      );
    case 'dismiss':
      return calls.filter((c) => c.pop.callId !== action.callId);
  }
}
