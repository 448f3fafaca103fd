import type { CallEventKind } from '../../telephony/types';
import type { CallState } from '../realtime/events';

/**
 * The per-call state machine. Pure. Providers deliver late, twice and out of order, so a call's
 * state only moves forward: ringing → answered → completed, or ringing → missed | abandoned.
 * A late ringing after the end changes nothing; a hang-up before any answer is missed (abandoned
 * when the caller was still waiting in the queue, with nobody offered the call).
 * One correction is allowed: an `answered` that happened before a hang-up we already applied
 * (Twilio sequence 3 arriving before 2) turns missed/abandoned into completed.
 */
export interface CallSnapshot {
  state: CallState;
  answeredAt: Date | null;
  endedAt: Date | null;
  /** Someone was offered the call (it rang at an agent) rather than it waiting in the queue. */
  offered: boolean;
}

export interface CallTransition {
  state: CallState;
  answeredAt?: Date;
  endedAt?: Date;
  /** The state changed and listeners should hear of it. */
  changed: boolean;
}

const TERMINAL: ReadonlySet<CallState> = new Set(['completed', 'missed', 'abandoned']);
export const isTerminal = (state: CallState) => TERMINAL.has(state);

export interface EventOrder {
  /** The event happened before the end we already applied (known from provider sequence numbers). */
  beforeEnd?: boolean;
}

export function applyCallEvent(call: CallSnapshot, kind: CallEventKind, at: Date, order: EventOrder = {}): CallTransition {
  const unchanged: CallTransition = { state: call.state, changed: false };
  switch (kind) {
    case 'ringing':
      return unchanged;
    case 'answered':
      if (call.state === 'ringing') return { state: 'answered', answeredAt: at, changed: true };
      if ((call.state === 'missed' || call.state === 'abandoned') && (order.beforeEnd ?? (call.endedAt !== null && at.getTime() <= call.endedAt.getTime()))) {
        return { state: 'completed', answeredAt: at, changed: true };
      }
      return unchanged;
    case 'ended':
      if (call.state === 'answered') return { state: 'completed', endedAt: at, changed: true };
      if (call.state === 'ringing') return { state: call.offered ? 'missed' : 'abandoned', endedAt: at, changed: true };
      return unchanged;
  }
}
