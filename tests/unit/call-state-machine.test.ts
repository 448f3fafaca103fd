import { describe, expect, it } from 'vitest';
import { applyCallEvent, type CallSnapshot } from '../../server/calls/call-state-machine';

const t = (s: number) => new Date(Date.UTC(2026, 11, 2, 9, 0, s));
const ringing = (offered = true): CallSnapshot => ({ state: 'ringing', answeredAt: null, endedAt: null, offered });

describe('call state machine', () => {
  it('moves ringing → answered → completed', () => {
    const a = applyCallEvent(ringing(), 'answered', t(5));
    expect(a).toEqual({ state: 'answered', answeredAt: t(5), changed: true });
    const c = applyCallEvent({ state: 'answered', answeredAt: t(5), endedAt: null, offered: true }, 'ended', t(65));
    expect(c).toEqual({ state: 'completed', endedAt: t(65), changed: true });
  });

  it('a hang-up before any answer is missed when an agent was offered the call', () => {
    expect(applyCallEvent(ringing(true), 'ended', t(9)).state).toBe('missed');
  });

  it('a hang-up while waiting in the queue is abandoned', () => {
    expect(applyCallEvent(ringing(false), 'ended', t(9)).state).toBe('abandoned');
  });

  it('ignores a late ringing after the end and a second end', () => {
    const done: CallSnapshot = { state: 'completed', answeredAt: t(1), endedAt: t(9), offered: true };
    expect(applyCallEvent(done, 'ringing', t(0)).changed).toBe(false);
    expect(applyCallEvent(done, 'ended', t(10)).changed).toBe(false);
    expect(applyCallEvent(done, 'answered', t(2)).changed).toBe(false);
  });

  it('corrects missed to completed when an earlier answer arrives late', () => {
    const missed: CallSnapshot = { state: 'missed', answeredAt: null, endedAt: t(30), offered: true };
    expect(applyCallEvent(missed, 'answered', t(4))).toEqual({ state: 'completed', answeredAt: t(4), changed: true });
  });

  it('does not resurrect a missed call with an answer after its end', () => {
    const missed: CallSnapshot = { state: 'missed', answeredAt: null, endedAt: t(30), offered: true };
    expect(applyCallEvent(missed, 'answered', t(31)).changed).toBe(false);
  });
});

describe('call state machine with provider sequence numbers', () => {
  it('uses the sequence order over arrival time when the provider gives one', () => {
    const missed: CallSnapshot = { state: 'missed', answeredAt: null, endedAt: t(30), offered: true };
    expect(applyCallEvent(missed, 'answered', t(40), { beforeEnd: true }).state).toBe('completed');
    expect(applyCallEvent(missed, 'answered', t(10), { beforeEnd: false }).changed).toBe(false);
  });
});
