import { describe, expect, it } from 'vitest';
import { callPriority } from '../../server/calls/call-priority';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 9, minute));

describe('callPriority (lower is served first)', () => {
  it('is the time the caller started waiting, whoever they are, in a queue without gold first', () => {
    expect(callPriority(at(0), 'gold', false)).toBe(at(0).getTime());
    expect(callPriority(at(0), 'gold', false)).toBeLessThan(callPriority(at(1), 'stream', false));
  });

  it('gives a gold caller ten minutes of head start in a queue that lets gold go first', () => {
    expect(callPriority(at(5), 'gold', true)).toBeLessThan(callPriority(at(0), 'stream', true));
    expect(callPriority(at(5), 'gold', true)).toBe(callPriority(at(-5), null, true));
    // Someone who has waited longer than the head start is still served before a new gold caller.
    expect(callPriority(at(11), 'gold', true)).toBeGreaterThan(callPriority(at(0), 'burden', true));
  });

  it('gives no head start to the other segments or to strangers', () => {
    for (const segment of ['meteor', 'stream', 'burden', null] as const) expect(callPriority(at(3), segment, true)).toBe(at(3).getTime());
  });
});
