import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '../../db/schema/queues';
import { isOpen } from '../../server/followups/schedule/is-open';
import { ScheduleConfigError } from '../../server/followups/schedule/local-time';
import { nextCheckInAt } from '../../server/followups/schedule/next-check-in-at';
import { nextOpening } from '../../server/followups/schedule/next-opening';
import { FollowUpClosedError, outcomeTransition, type FollowUpAttemptState } from '../../server/followups/schedule/outcome-transition';
import { retryDueAt } from '../../server/followups/schedule/retry-due-at';
import { dueBucket, OVERDUE_AFTER_MS } from '../../server/followups/schedule/due-bucket';
import { chooseAgent } from '../../server/followups/schedule/choose-agent';
import { checkInDueAt } from '../../server/followups/schedule/check-in-due-at';
import { offerAt } from '../../server/followups/schedule/offer-window';
import { followUpJobId } from '../../server/followups/follow-up-timer';
import { twilioCallRequest } from '../../server/followups/twilio-dial';

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

const OFFICE: BusinessHours = {
  weekly: {
    '1': [['09:00', '18:00']],
    '2': [['09:00', '18:00']],
    '3': [['09:00', '18:00']],
    '4': [['09:00', '18:00']],
    '5': [['09:00', '18:00']],
    '6': [['10:00', '14:00']],
  },
  holidays: [],
};
const WEEKDAYS: BusinessHours = { weekly: { ...OFFICE.weekly, '6': undefined }, holidays: [] };
const NY = 'America/New_York';
const LONDON = 'Europe/London';
const SHANGHAI = 'Asia/Shanghai';

describe('nextOpening', () => {
  it('returns the very instant when open, and always with null hours', () => {
    const inside = at('2025-01-06T15:00:00.123Z'); // Monday 10:00:00.123 New York
    expect(nextOpening(inside, OFFICE, NY)).toBe(inside);
    const sunday = at('2025-01-05T08:00:00Z');
    expect(nextOpening(sunday, null, NY)).toBe(sunday);
    expect(isOpen(inside, OFFICE, NY)).toBe(true);
    expect(isOpen(sunday, OFFICE, NY)).toBe(false);
  });

  it('opens inclusively and closes exclusively', () => {
    expect(iso(nextOpening(at('2025-01-06T14:00:00Z'), OFFICE, NY))).toBe('2025-01-06T14:00:00.000Z');
    expect(iso(nextOpening(at('2025-01-06T13:59:59Z'), OFFICE, NY))).toBe('2025-01-06T14:00:00.000Z');
    // 18:00 Monday New York = 23:00Z: closed, so Tuesday 09:00.
    expect(iso(nextOpening(at('2025-01-06T23:00:00Z'), OFFICE, NY))).toBe('2025-01-07T14:00:00.000Z');
  });

  it('skips the weekend: Saturday morning hours, then Monday', () => {
    // Friday 19:00 New York → Saturday 10:00.
    expect(iso(nextOpening(at('2025-01-11T00:00:00Z'), OFFICE, NY))).toBe('2025-01-11T15:00:00.000Z');
    // Saturday 15:00 → Monday 09:00.
    expect(iso(nextOpening(at('2025-01-11T20:00:00Z'), OFFICE, NY))).toBe('2025-01-13T14:00:00.000Z');
  });

  it('jumps over a lunch break', () => {
    const hours: BusinessHours = { weekly: { '1': [['13:00', '18:00'], ['09:00', '12:00']] }, holidays: [] };
    // Monday 12:30 Shanghai (04:30Z) → 13:00 (05:00Z); order of the pairs does not matter.
    expect(iso(nextOpening(at('2025-01-06T04:30:00Z'), hours, SHANGHAI))).toBe('2025-01-06T05:00:00.000Z');
    expect(iso(nextOpening(at('2025-01-06T00:30:00Z'), hours, SHANGHAI))).toBe('2025-01-06T01:00:00.000Z');
  });

  describe('America/New_York across daylight saving', () => {
    it('moves to Monday 09:00 EDT after the March change (13:00Z, not 14:00Z)', () => {
      // Friday 2025-03-07 19:00 EST; clocks go forward on Sunday 9 March.
      expect(iso(nextOpening(at('2025-03-08T00:00:00Z'), WEEKDAYS, NY))).toBe('2025-03-10T13:00:00.000Z');
    });

    it('moves to Monday 09:00 EST after the November change (14:00Z, not 13:00Z)', () => {
      // Friday 2025-10-31 20:00 EDT; clocks go back on Sunday 2 November.
      expect(iso(nextOpening(at('2025-11-01T00:00:00Z'), WEEKDAYS, NY))).toBe('2025-11-03T14:00:00.000Z');
    });

    it('shortens a night shift spanning the spring-forward hour', () => {
      const sunday: BusinessHours = { weekly: { '7': [['01:00', '05:00']] }, holidays: [] };
      // 01:00 EST = 06:00Z opens; 05:00 EDT = 09:00Z closes: three real hours.
      expect(iso(nextOpening(at('2025-03-09T05:30:00Z'), sunday, NY))).toBe('2025-03-09T06:00:00.000Z');
      expect(isOpen(at('2025-03-09T08:59:59Z'), sunday, NY)).toBe(true);
      expect(isOpen(at('2025-03-09T09:00:00Z'), sunday, NY)).toBe(false);
    });

    it('opens at the first real minute when the opening time does not exist', () => {
      const sunday: BusinessHours = { weekly: { '7': [['02:30', '06:00']] }, holidays: [] };
      // 02:30 does not exist on 9 March 2025: luxon moves it forward to 03:30 EDT = 07:30Z.
      expect(iso(nextOpening(at('2025-03-09T05:00:00Z'), sunday, NY))).toBe('2025-03-09T07:30:00.000Z');
    });

    it('keeps a Sunday opening at 09:00 local on the fall-back day', () => {
      const sunday: BusinessHours = { weekly: { '7': [['09:00', '17:00']] }, holidays: [] };
      expect(iso(nextOpening(at('2025-11-02T04:00:00Z'), sunday, NY))).toBe('2025-11-02T14:00:00.000Z');
    });
  });

  describe('Europe/London across daylight saving', () => {
    it('opens Monday 09:00 BST = 08:00Z after the March change', () => {
      expect(iso(nextOpening(at('2025-03-28T18:30:00Z'), WEEKDAYS, LONDON))).toBe('2025-03-31T08:00:00.000Z');
    });

    it('opens Monday 09:00 GMT = 09:00Z after the October change', () => {
      expect(iso(nextOpening(at('2025-10-24T17:00:00Z'), WEEKDAYS, LONDON))).toBe('2025-10-27T09:00:00.000Z');
    });
  });

  describe('Asia/Shanghai', () => {
    it('uses the local weekday, not the UTC one', () => {
      const mondayNight: BusinessHours = { weekly: { '1': [['00:00', '02:00']] }, holidays: [] };
      // Sunday 16:30Z is Monday 00:30 in Shanghai.
      const instant = at('2025-01-05T16:30:00Z');
      expect(nextOpening(instant, mondayNight, SHANGHAI)).toBe(instant);
      expect(isOpen(instant, mondayNight, 'UTC')).toBe(false);
    });

    it('opens at 09:00 CST = 01:00Z and moves 18:00 to the next morning', () => {
      expect(iso(nextOpening(at('2025-01-06T00:30:00Z'), WEEKDAYS, SHANGHAI))).toBe('2025-01-06T01:00:00.000Z');
      expect(iso(nextOpening(at('2025-01-06T10:00:00Z'), WEEKDAYS, SHANGHAI))).toBe('2025-01-07T01:00:00.000Z');
    });

    it('skips the Spring Festival holidays', () => {
      const hours: BusinessHours = {
        weekly: WEEKDAYS.weekly,
        holidays: ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04'],
      };
      // Monday 27 January 18:30 → Wednesday 5 February 09:00.
      expect(iso(nextOpening(at('2025-01-27T10:30:00Z'), hours, SHANGHAI))).toBe('2025-02-05T01:00:00.000Z');
      // Inside a holiday's would-be hours.
      expect(isOpen(at('2025-01-28T03:00:00Z'), hours, SHANGHAI)).toBe(false);
    });
  });

  it('finds the opening after several holidays in a row of the only open weekday', () => {
    const mondays: BusinessHours = { weekly: { '1': [['09:00', '10:00']] }, holidays: ['2025-01-06', '2025-01-13', '2025-01-20'] };
    expect(iso(nextOpening(at('2025-01-01T00:00:00Z'), mondays, 'UTC'))).toBe('2025-01-27T09:00:00.000Z');
  });

  it('runs an overnight shift into the next day, and "24:00" to midnight', () => {
    const nights: BusinessHours = { weekly: { '5': [['22:00', '06:00']], '6': [['12:00', '24:00']] }, holidays: [] };
    // Saturday 03:00 UTC: still inside Friday's night shift.
    expect(isOpen(at('2025-01-11T03:00:00Z'), nights, 'UTC')).toBe(true);
    expect(iso(nextOpening(at('2025-01-11T06:00:00Z'), nights, 'UTC'))).toBe('2025-01-11T12:00:00.000Z');
    expect(isOpen(at('2025-01-11T23:59:59Z'), nights, 'UTC')).toBe(true);
    expect(iso(nextOpening(at('2025-01-12T00:00:00Z'), nights, 'UTC'))).toBe('2025-01-17T22:00:00.000Z');
  });

  it('rejects hours that never open, malformed times and unknown zones', () => {
    expect(() => nextOpening(at('2025-01-06T00:00:00Z'), { weekly: {}, holidays: [] }, 'UTC')).toThrow('never open');
    expect(() => nextOpening(at('2025-01-06T00:00:00Z'), { weekly: { '1': [['9:00', '18:00']] }, holidays: [] }, 'UTC')).toThrow(
      ScheduleConfigError,
    );
    expect(() => nextOpening(at('2025-01-06T00:00:00Z'), { weekly: { '1': [['09:00', '09:00']] }, holidays: [] }, 'UTC')).toThrow('empty');
    expect(() => nextOpening(at('2025-01-06T00:00:00Z'), OFFICE, 'Mars/Olympus')).toThrow('unknown time zone');
    expect(() => nextOpening(new Date(Number.NaN), OFFICE, 'UTC')).toThrow(RangeError);
  });
});

describe('retryDueAt', () => {
  it('is retryAfter later while open', () => {
    expect(iso(retryDueAt(at('2025-01-06T15:00:00Z'), 3600, OFFICE, NY))).toBe('2025-01-06T16:00:00.000Z');
  });

  it('moves a retry that lands after closing to the next opening', () => {
    // Friday 17:30 EST + 1 h = 18:30, closed → Saturday 10:00 EST.
    expect(iso(retryDueAt(at('2025-01-10T22:30:00Z'), 3600, OFFICE, NY))).toBe('2025-01-11T15:00:00.000Z');
  });

  it('counts retryAfter in elapsed time across the spring-forward night', () => {
    // Saturday 8 March 23:00 EST + 6 h = 06:00 EDT Sunday (the night lost an hour).
    expect(iso(retryDueAt(at('2025-03-09T04:00:00Z'), 6 * 3600, null, NY))).toBe('2025-03-09T10:00:00.000Z');
  });

  it('rejects a non-positive retryAfter', () => {
    expect(() => retryDueAt(at('2025-01-06T15:00:00Z'), 0, OFFICE, NY)).toThrow(RangeError);
  });
});

describe('nextCheckInAt', () => {
  it('keeps the local time of day across a daylight-saving change', () => {
    // Tuesday 4 March 10:00 EST + 7 days = Tuesday 11 March 10:00 EDT (14:00Z).
    expect(iso(nextCheckInAt(at('2025-03-04T15:00:00Z'), 7, OFFICE, NY))).toBe('2025-03-11T14:00:00.000Z');
  });

  it('moves a check-in that lands on a closed day', () => {
    // Saturday 8 March 16:00 Shanghai is after Saturday hours → Monday 09:00.
    expect(iso(nextCheckInAt(at('2025-03-01T08:00:00Z'), 7, OFFICE, SHANGHAI))).toBe('2025-03-10T01:00:00.000Z');
  });

  it('works without hours and rejects a frequency below one day', () => {
    expect(iso(nextCheckInAt(at('2025-01-01T12:00:00Z'), 30, null, 'UTC'))).toBe('2025-01-31T12:00:00.000Z');
    expect(() => nextCheckInAt(at('2025-01-01T12:00:00Z'), 0, null, 'UTC')).toThrow(RangeError);
    expect(() => nextCheckInAt(at('2025-01-01T12:00:00Z'), 1.5, null, 'UTC')).toThrow(RangeError);
  });
});

describe('outcomeTransition', () => {
  const base: FollowUpAttemptState = { attempt: 1, maxAttempts: 3, retryAfterSeconds: 3600, status: 'offered' };
  const monday10 = at('2025-01-06T15:00:00Z'); // 10:00 New York

  it('completes when the customer is reached', () => {
    expect(outcomeTransition(base, 'reached', monday10, OFFICE, NY)).toEqual({ status: 'completed', attempt: 1, lastOutcome: 'reached' });
  });

  it('fails at once on a wrong number', () => {
    expect(outcomeTransition(base, 'wrong_number', monday10, OFFICE, NY)).toEqual({ status: 'failed', attempt: 1, lastOutcome: 'wrong_number' });
  });

  it('retries until maxAttempts, then fails', () => {
    let state: FollowUpAttemptState = base;
    let now = monday10;
    const dues: string[] = [];
    for (;;) {
      const next = outcomeTransition(state, 'no_answer', now, OFFICE, NY);
      if (next.status !== 'pending') {
        expect(next).toEqual({ status: 'failed', attempt: 3, lastOutcome: 'no_answer' });
        break;
      }
      dues.push(iso(next.dueAt));
      state = { ...state, attempt: next.attempt, status: 'pending' };
      now = next.dueAt;
    }
    expect(dues).toEqual(['2025-01-06T16:00:00.000Z', '2025-01-06T17:00:00.000Z']);
  });

  it('schedules the retry inside opening hours', () => {
    const friday1730 = at('2025-01-10T22:30:00Z');
    expect(outcomeTransition({ ...base, attempt: 2 }, 'no_answer', friday1730, OFFICE, NY)).toEqual({
      status: 'pending',
      attempt: 3,
      dueAt: at('2025-01-11T15:00:00Z'),
      lastOutcome: 'no_answer',
    });
  });

  it('fails at the first no-answer when only one attempt is allowed', () => {
    expect(outcomeTransition({ ...base, maxAttempts: 1 }, 'no_answer', monday10, OFFICE, NY).status).toBe('failed');
  });

  it('refuses an outcome for a closed follow-up', () => {
    for (const status of ['completed', 'failed', 'cancelled'] as const) {
      expect(() => outcomeTransition({ ...base, status }, 'reached', monday10, OFFICE, NY)).toThrow(FollowUpClosedError);
    }
  });
});

describe('dueBucket', () => {
  const now = at('2025-01-06T15:00:00Z');
  it('is upcoming before due, due at and just after, overdue after the grace', () => {
    expect(dueBucket(at('2025-01-06T15:00:00.001Z'), now)).toBe('upcoming');
    expect(dueBucket(now, now)).toBe('due');
    expect(dueBucket(new Date(now.getTime() - OVERDUE_AFTER_MS + 1), now)).toBe('due');
    expect(dueBucket(new Date(now.getTime() - OVERDUE_AFTER_MS), now)).toBe('overdue');
  });
});

describe('chooseAgent', () => {
  it('picks the fewest open follow-ups, then the longest idle, then the smallest id', () => {
    const c = [
      { id: 'b', availableSince: 100 },
      { id: 'a', availableSince: 200 },
      { id: 'c', availableSince: 100 },
    ];
    expect(chooseAgent(c, new Map())).toBe('b');
    expect(chooseAgent(c, new Map([['b', 1]]))).toBe('c');
    expect(chooseAgent(c, new Map([['b', 1], ['c', 2]]))).toBe('a');
    expect(chooseAgent([{ id: 'z', availableSince: 1 }, { id: 'y', availableSince: 1 }], new Map())).toBe('y');
    expect(chooseAgent([], new Map())).toBeNull();
  });
});

describe('checkInDueAt', () => {
  it('counts calendar days in the customer zone and opens in the queue zone', () => {
    // Friday 10:00 in Shanghai (02:00Z) + 1 day = Saturday 10:00 Shanghai = Friday 21:00 New York, closed:
    // the New York queue opens Saturday 10:00 local (15:00Z).
    expect(iso(checkInDueAt(at('2025-01-10T02:00:00Z'), 1, SHANGHAI, OFFICE, NY))).toBe('2025-01-11T15:00:00.000Z');
    // No customer zone: the queue's; always open.
    expect(iso(checkInDueAt(at('2025-03-08T15:00:00Z'), 7, null, null, NY))).toBe('2025-03-15T14:00:00.000Z');
  });
});

describe('offerAt', () => {
  const monday10 = at('2025-01-06T15:00:00Z');
  it('offers at once while open, or when the timer fired just past closing', () => {
    expect(offerAt(monday10, monday10, OFFICE, NY)).toBe(monday10);
    const closing = at('2025-01-06T23:00:00.004Z'); // 18:00:00.004 New York
    expect(offerAt(at('2025-01-06T22:59:59.990Z'), closing, OFFICE, NY)).toBe(closing);
  });
  it('moves a follow-up that fell due while the system was down to the next opening', () => {
    const tuesday3am = at('2025-01-07T08:00:00Z');
    expect(iso(offerAt(at('2025-01-06T22:00:00Z'), tuesday3am, OFFICE, NY))).toBe('2025-01-07T14:00:00.000Z');
    expect(offerAt(at('2025-01-06T22:00:00Z'), tuesday3am, null, NY)).toBe(tuesday3am);
  });
});

describe('follow-up timers and dialling', () => {
  it('keys the job by follow-up and attempt, without colons', () => {
    expect(followUpJobId('6f1c2d3e-0000-4000-8000-000000000001', 3)).toBe('followup-6f1c2d3e-0000-4000-8000-000000000001-A3');
  });
  it('builds the Twilio Calls.json request', () => {
    const { url, init } = twilioCallRequest(
      { apiBaseUrl: 'http://127.0.0.1:9/', accountSid: 'AC1', authToken: 'tok', callerId: '+15550001111', publicBaseUrl: 'https://sb.example' },
      '+8613800138000',
    );
    expect(url).toBe('http://127.0.0.1:9/2010-04-01/Accounts/AC1/Calls.json');
    expect((init.headers as Record<string, string>).authorization).toBe(`Basic ${Buffer.from('AC1:tok').toString('base64')}`);
    expect(Object.fromEntries(new URLSearchParams(init.body as string))).toEqual({ To: '+8613800138000', From: '+15550001111', Url: 'https://sb.example/webhooks/twilio/voice' });
  });
});
