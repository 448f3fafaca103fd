import { describe, expect, it } from 'vitest';
import { choosePolicy, UnknownPolicyError, type PolicyMatcher } from '../../server/complaints/policy/choose-policy';
import { escalationStep, type EscalatingComplaint } from '../../server/complaints/policy/escalation-step';
import { levelDeadlines } from '../../server/complaints/policy/level-deadlines';
import { nextDeadline } from '../../server/complaints/policy/next-deadline';
import { pickLeastLoaded } from '../../server/complaints/policy/pick-least-loaded';
import { InvalidTransitionError, requiresNote, transition } from '../../server/complaints/policy/transition';
import { warningTime } from '../../server/complaints/policy/warning-time';
import { deadlineJobId, deadlineTimers } from '../../server/complaints/policy/deadline-timers';
import { firstLevel, levelFor } from '../../server/complaints/policy/level-for';
import { satisfactionDelaySeconds } from '../../server/complaints/policy/satisfaction-delay';
import { mayChangeComplaint } from '../../server/complaints/policy/authorise-change';

const at = (iso: string) => new Date(iso);

describe('choosePolicy', () => {
  const policies: PolicyMatcher[] = [
    { name: 'general', categories: [], severities: [] },
    { name: 'critical-any', categories: [], severities: ['critical'] },
    { name: 'billing', categories: ['billing', 'refund'], severities: [] },
    { name: 'billing-urgent', categories: ['billing'], severities: ['high', 'critical'] },
    { name: 'default', categories: ['delivery'], severities: [] },
  ];

  it('takes the named policy, whatever the complaint is about', () => {
    expect(choosePolicy({ policy: 'billing', category: 'delivery', severity: 'low' }, policies)).toBe('billing');
  });

  it('refuses an unknown named policy', () => {
    expect(() => choosePolicy({ policy: 'vip', category: 'billing', severity: 'low' }, policies)).toThrow(UnknownPolicyError);
    expect(() => choosePolicy({ policy: 'vip', category: 'billing', severity: 'low' }, policies)).toThrow('"vip"');
  });

  it('accepts "default" by name even before it exists', () => {
    expect(choosePolicy({ policy: 'default', category: 'billing', severity: 'low' }, [])).toBe('default');
  });

  it('prefers category + severity, then category, then severity, then a catch-all', () => {
    expect(choosePolicy({ category: 'billing', severity: 'critical' }, policies)).toBe('billing-urgent');
    expect(choosePolicy({ category: 'billing', severity: 'low' }, policies)).toBe('billing');
    expect(choosePolicy({ category: 'refund', severity: 'critical' }, policies)).toBe('billing');
    expect(choosePolicy({ category: 'service', severity: 'critical' }, policies)).toBe('critical-any');
    expect(choosePolicy({ category: 'service', severity: 'low' }, policies)).toBe('general');
  });

  it('does not depend on list order across specificities', () => {
    const reversed = [...policies].reverse();
    expect(choosePolicy({ category: 'billing', severity: 'critical' }, reversed)).toBe('billing-urgent');
    expect(choosePolicy({ category: 'service', severity: 'critical' }, reversed)).toBe('critical-any');
  });

  it('takes the first in the list among equally specific matches', () => {
    const two: PolicyMatcher[] = [
      { name: 'first', categories: ['billing'], severities: [] },
      { name: 'second', categories: ['billing'], severities: [] },
    ];
    expect(choosePolicy({ category: 'billing', severity: 'low' }, two)).toBe('first');
  });

  it('falls back to default; the default policy never matches by its lists', () => {
    const withoutCatchAll = policies.filter((p) => p.name !== 'general');
    expect(choosePolicy({ category: 'service', severity: 'low' }, withoutCatchAll)).toBe('default');
    expect(choosePolicy({ category: 'delivery', severity: 'low' }, withoutCatchAll)).toBe('default');
    expect(choosePolicy({ category: 'delivery', severity: 'low' }, [])).toBe('default');
    expect(choosePolicy({ policy: null, category: 'delivery', severity: 'low' }, policies)).toBe('general');
  });

  it('compares categories and severities trimmed and case-insensitively', () => {
    expect(choosePolicy({ category: ' Billing ', severity: 'CRITICAL' }, policies)).toBe('billing-urgent');
  });
});

describe('levelDeadlines', () => {
  it('adds both windows to the level start', () => {
    expect(levelDeadlines({ respondWithinSeconds: 3600, resolveWithinSeconds: 86_400 }, at('2025-03-08T23:30:00Z'))).toEqual({
      respondBy: at('2025-03-09T00:30:00Z'),
      resolveBy: at('2025-03-09T23:30:00Z'),
    });
  });

  it('rejects non-positive windows', () => {
    expect(() => levelDeadlines({ respondWithinSeconds: 0, resolveWithinSeconds: 60 }, at('2025-01-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => levelDeadlines({ respondWithinSeconds: 60, resolveWithinSeconds: -1 }, at('2025-01-01T00:00:00Z'))).toThrow(RangeError);
  });
});

const respondBy = at('2025-01-06T10:00:00Z');
const resolveBy = at('2025-01-07T09:00:00Z');
const fresh: EscalatingComplaint = { status: 'new', level: 1, respondBy, resolveBy, acknowledgedAt: null };
const acknowledged: EscalatingComplaint = {
  ...fresh,
  status: 'acknowledged',
  respondBy: null,
  acknowledgedAt: at('2025-01-06T09:30:00Z'),
};

describe('nextDeadline', () => {
  it('is respond until acknowledged, then resolve', () => {
    expect(nextDeadline(fresh)).toEqual({ kind: 'respond', at: respondBy });
    expect(nextDeadline(acknowledged)).toEqual({ kind: 'resolve', at: resolveBy });
    // Acknowledged but respondBy not cleared: still resolve.
    expect(nextDeadline({ ...acknowledged, respondBy })).toEqual({ kind: 'resolve', at: resolveBy });
  });

  it('is none once resolved or closed, or with no deadline left', () => {
    expect(nextDeadline({ ...fresh, status: 'resolved' })).toBeNull();
    expect(nextDeadline({ ...fresh, status: 'closed' })).toBeNull();
    expect(nextDeadline({ ...acknowledged, resolveBy: null })).toBeNull();
  });

  it('takes the resolve deadline when it comes first', () => {
    const early = at('2025-01-06T09:45:00Z');
    expect(nextDeadline({ ...fresh, resolveBy: early })).toEqual({ kind: 'resolve', at: early });
    expect(nextDeadline({ ...fresh, respondBy: null })).toEqual({ kind: 'resolve', at: resolveBy });
  });
});

describe('escalationStep', () => {
  const ladder = [{ level: 1 }, { level: 2 }, { level: 3 }];

  it('does nothing before the deadline', () => {
    expect(escalationStep(fresh, ladder, at('2025-01-06T09:59:59.999Z'))).toBeNull();
  });

  it('escalates an unacknowledged complaint at its respond deadline', () => {
    expect(escalationStep(fresh, ladder, respondBy)).toEqual({ toLevel: 2, reason: 'respond_overdue', atTop: false });
  });

  it('escalates an acknowledged complaint at its resolve deadline only', () => {
    expect(escalationStep(acknowledged, ladder, at('2025-01-06T12:00:00Z'))).toBeNull();
    expect(escalationStep({ ...acknowledged, status: 'in_progress', level: 2 }, ladder, at('2025-01-08T00:00:00Z'))).toEqual({
      toLevel: 3,
      reason: 'resolve_overdue',
      atTop: false,
    });
  });

  it('flags the top level without moving it', () => {
    expect(escalationStep({ ...fresh, level: 3 }, ladder, at('2025-01-06T11:00:00Z'))).toEqual({
      toLevel: 3,
      reason: 'respond_overdue',
      atTop: true,
    });
    // The caller clears the flagged deadline: nothing more until resolveBy.
    expect(escalationStep({ ...fresh, level: 3, respondBy: null }, ladder, at('2025-01-06T11:00:00Z'))).toBeNull();
    expect(escalationStep({ ...fresh, level: 3, respondBy: null }, ladder, resolveBy)?.reason).toBe('resolve_overdue');
  });

  it('climbs non-contiguous and unordered ladders to the next level above', () => {
    const gappy = [{ level: 5 }, { level: 1 }, { level: 2 }];
    expect(escalationStep({ ...fresh, level: 2 }, gappy, respondBy)?.toLevel).toBe(5);
    expect(escalationStep({ ...fresh, level: 4 }, gappy, respondBy)?.toLevel).toBe(5);
    expect(escalationStep({ ...fresh, level: 1 }, [], respondBy)).toEqual({ toLevel: 1, reason: 'respond_overdue', atTop: true });
  });

  it('leaves resolved and closed complaints alone however late', () => {
    expect(escalationStep({ ...fresh, status: 'resolved' }, ladder, at('2026-01-01T00:00:00Z'))).toBeNull();
    expect(escalationStep({ ...fresh, status: 'closed' }, ladder, at('2026-01-01T00:00:00Z'))).toBeNull();
  });
});

describe('warningTime', () => {
  const deadline = at('2025-01-06T12:00:00Z');

  it('warns 5 minutes before on a long window', () => {
    expect(warningTime(deadline, 4 * 3600)).toEqual(at('2025-01-06T11:55:00Z'));
  });

  it('warns at 80 % of a short window', () => {
    expect(warningTime(deadline, 600)).toEqual(at('2025-01-06T11:58:00Z'));
    expect(warningTime(deadline, 120)).toEqual(at('2025-01-06T11:59:36Z'));
  });

  it('agrees where both rules meet (25 minutes)', () => {
    expect(warningTime(deadline, 1500)).toEqual(at('2025-01-06T11:55:00Z'));
  });

  it('takes other shares and leads', () => {
    expect(warningTime(deadline, 3600, { elapsedFraction: 0.5, leadSeconds: 3600 })).toEqual(at('2025-01-06T11:30:00Z'));
    expect(() => warningTime(deadline, 0)).toThrow(RangeError);
    expect(() => warningTime(deadline, 60, { elapsedFraction: 1.5 })).toThrow(RangeError);
  });
});

describe('pickLeastLoaded', () => {
  it('picks the fewest open complaints', () => {
    const picked = pickLeastLoaded([
      { userId: 'a', openCount: 3, lastAssignedAt: null },
      { userId: 'b', openCount: 1, lastAssignedAt: at('2025-01-06T09:00:00Z') },
      { userId: 'c', openCount: 2, lastAssignedAt: null },
    ]);
    expect(picked?.userId).toBe('b');
  });

  it('breaks ties by longest since last assignment, never-assigned first, then by userId', () => {
    const candidates = [
      { userId: 'd', openCount: 1, lastAssignedAt: at('2025-01-06T09:00:00Z') },
      { userId: 'c', openCount: 1, lastAssignedAt: at('2025-01-06T08:00:00Z') },
      { userId: 'b', openCount: 1, lastAssignedAt: null },
      { userId: 'a', openCount: 1, lastAssignedAt: null },
    ];
    expect(pickLeastLoaded(candidates)?.userId).toBe('a');
    expect(pickLeastLoaded([...candidates].reverse())?.userId).toBe('a');
    expect(pickLeastLoaded(candidates.slice(0, 2))?.userId).toBe('c');
    const sameTime = [
      { userId: 'z', openCount: 0, lastAssignedAt: at('2025-01-06T08:00:00Z') },
      { userId: 'y', openCount: 0, lastAssignedAt: at('2025-01-06T08:00:00Z') },
    ];
    expect(pickLeastLoaded(sameTime)?.userId).toBe('y');
  });

  it('returns null without candidates', () => {
    expect(pickLeastLoaded([])).toBeNull();
  });
});

describe('transition', () => {
  it('walks the happy path', () => {
    expect(transition('new', 'acknowledge')).toBe('acknowledged');
    expect(transition('acknowledged', 'start')).toBe('in_progress');
    expect(transition('in_progress', 'resolve')).toBe('resolved');
    expect(transition('resolved', 'close')).toBe('closed');
  });

  it('allows the shortcuts: start or resolve a new complaint, close one unresolved', () => {
    expect(transition('new', 'start')).toBe('in_progress');
    expect(transition('new', 'resolve')).toBe('resolved');
    expect(transition('acknowledged', 'close')).toBe('closed');
  });

  it('reopens resolved and closed complaints to acknowledged', () => {
    expect(transition('resolved', 'reopen')).toBe('acknowledged');
    expect(transition('closed', 'reopen')).toBe('acknowledged');
  });

  it.each([
    ['acknowledged', 'acknowledge'],
    ['in_progress', 'start'],
    ['resolved', 'resolve'],
    ['closed', 'close'],
    ['new', 'reopen'],
    ['in_progress', 'reopen'],
    ['closed', 'resolve'],
  ] as const)('refuses to %s → %s', (from, action) => {
    expect(() => transition(from, action)).toThrow(InvalidTransitionError);
    try {
      transition(from, action);
    } catch (error) {
      expect(error).toMatchObject({ from, action });
    }
  });

  it('asks a note for resolve and close only', () => {
    expect(['acknowledge', 'start', 'resolve', 'close', 'reopen'].filter((a) => requiresNote(a as never))).toEqual(['resolve', 'close']);
  });
});

describe('deadlineTimers', () => {
  const windows = { respondWithinSeconds: 3600, resolveWithinSeconds: 86_400 };
  const open = { status: 'new' as const, respondBy: at('2025-01-06T10:00:00Z'), resolveBy: at('2025-01-07T09:00:00Z'), acknowledgedAt: null, warnedAt: null };

  it('times both deadlines and their warnings (5 min before on long windows), in order', () => {
    expect(deadlineTimers(open, windows)).toEqual([
      { kind: 'warn-respond', at: at('2025-01-06T09:55:00Z') },
      { kind: 'respond', at: at('2025-01-06T10:00:00Z') },
      { kind: 'warn-resolve', at: at('2025-01-07T08:55:00Z') },
      { kind: 'resolve', at: at('2025-01-07T09:00:00Z') },
    ]);
  });

  it('drops the respond timers once acknowledged, and all timers once resolved or closed', () => {
    const acked = { ...open, status: 'acknowledged' as const, acknowledgedAt: at('2025-01-06T09:10:00Z'), respondBy: null };
    expect(deadlineTimers(acked, windows).map((t) => t.kind)).toEqual(['warn-resolve', 'resolve']);
    // Acknowledged with respondBy still set (an older row): the respond deadline is met all the same.
    expect(deadlineTimers({ ...acked, respondBy: open.respondBy }, windows).map((t) => t.kind)).toEqual(['warn-resolve', 'resolve']);
    expect(deadlineTimers({ ...open, status: 'resolved' }, windows)).toEqual([]);
    expect(deadlineTimers({ ...open, status: 'closed' }, windows)).toEqual([]);
  });

  it('does not warn twice for the same deadline, but still warns for the later one', () => {
    const warnedRespond = { ...open, warnedAt: at('2025-01-06T09:55:01Z') };
    expect(deadlineTimers(warnedRespond, windows).map((t) => t.kind)).toEqual(['respond', 'warn-resolve', 'resolve']);
    const warnedBoth = { ...open, warnedAt: at('2025-01-07T08:55:00Z') };
    expect(deadlineTimers(warnedBoth, windows).map((t) => t.kind)).toEqual(['respond', 'resolve']);
  });

  it('warns at 80 % of second-long windows (the test ladders)', () => {
    const t0 = at('2025-01-06T09:00:00Z');
    const short = { ...open, respondBy: at('2025-01-06T09:00:02Z'), resolveBy: at('2025-01-06T09:00:10Z') };
    expect(deadlineTimers(short, { respondWithinSeconds: 2, resolveWithinSeconds: 10 })).toEqual([
      { kind: 'warn-respond', at: new Date(t0.getTime() + 1600) },
      { kind: 'respond', at: at('2025-01-06T09:00:02Z') },
      { kind: 'warn-resolve', at: new Date(t0.getTime() + 8000) },
      { kind: 'resolve', at: at('2025-01-06T09:00:10Z') },
    ]);
  });

  it('names jobs by complaint, level and kind, without ":"', () => {
    const id = deadlineJobId('0b9c1c1e-1111-4222-8333-444455556666', 2, 'warn-resolve');
    expect(id).toBe('escalate-0b9c1c1e-1111-4222-8333-444455556666-L2-warn-resolve');
    expect(id).not.toContain(':');
  });
});

describe('levelFor', () => {
  const levels = [{ level: 1, name: 'a' }, { level: 2, name: 'b' }, { level: 5, name: 'e' }];
  it('takes the level itself, else the nearest below, else the lowest', () => {
    expect(levelFor(levels, 2)?.name).toBe('b');
    expect(levelFor(levels, 4)?.name).toBe('b');
    expect(levelFor(levels, 9)?.name).toBe('e');
    expect(levelFor([{ level: 3, name: 'c' }], 1)?.name).toBe('c');
    expect(levelFor([], 1)).toBeNull();
    expect(firstLevel([{ level: 4 }, { level: 2 }])?.level).toBe(2);
    expect(firstLevel([])).toBeNull();
  });
});

describe('satisfactionDelaySeconds', () => {
  it('reads an ISO duration, seconds or a wrapped value, and falls back to P2D', () => {
    expect(satisfactionDelaySeconds('PT3H')).toBe(10_800);
    expect(satisfactionDelaySeconds(' P1D ')).toBe(86_400);
    expect(satisfactionDelaySeconds(600)).toBe(600);
    expect(satisfactionDelaySeconds({ duration: 'PT30M' })).toBe(1800);
    expect(satisfactionDelaySeconds({ value: 'P3D' })).toBe(259_200);
    for (const bad of [undefined, null, 'soon', 'P1M', -5, 1.5, {}, []]) expect(satisfactionDelaySeconds(bad)).toBe(172_800);
  });
});

describe('mayChangeComplaint', () => {
  it('lets the assignee, complaint handlers, supervisors, admins and integrations act; not other agents', () => {
    expect(mayChangeComplaint({ kind: 'user', id: 'a', role: 'agent' }, 'a')).toBe(true);
    expect(mayChangeComplaint({ kind: 'user', id: 'a', role: 'agent' }, 'b')).toBe(false);
    expect(mayChangeComplaint({ kind: 'user', id: 'a', role: 'agent' }, null)).toBe(false);
    for (const role of ['complaint_handler', 'supervisor', 'admin'] as const) expect(mayChangeComplaint({ kind: 'user', id: 'x', role }, 'b')).toBe(true);
    expect(mayChangeComplaint({ kind: 'integration' }, null)).toBe(true);
  });
});
