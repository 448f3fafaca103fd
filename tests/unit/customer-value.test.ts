import { describe, expect, it } from 'vitest';
import { classifySegment } from '../../server/customers/value/classify-segment';
import { computeBreakpoints } from '../../server/customers/value/compute-breakpoints';
import { DEFAULT_SEGMENT_THRESHOLDS, type CustomerAggregate, type RfmBreakpoints } from '../../server/customers/value/customer-value-types';
import { explainRfm } from '../../server/customers/value/explain-rfm';
import { quintileCuts, scoreAgainst } from '../../server/customers/value/quintile-cuts';
import { scoreAll } from '../../server/customers/value/score-all';
import { scoreOne } from '../../server/customers/value/score-one';
import { valueWindowStart } from '../../server/customers/value/value-window';

const NOW = new Date('2025-06-30T00:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const customer = (customerId: string, orderCount: number, totalValue: number, lastDaysAgo: number, totalMargin?: number): CustomerAggregate => ({
  customerId,
  orderCount,
  totalValue,
  lastOrderAt: daysAgo(lastDaysAgo),
  totalMargin,
});
const scoresOf = (values: number[]) => {
  const cuts = quintileCuts(Float64Array.from(values));
  return values.map((v) => scoreAgainst(v, cuts));
};

describe('quintile scores', () => {
  it('scores five distinct values 1 to 5, ten distinct two per score', () => {
    expect(scoresOf([10, 20, 30, 40, 50])).toEqual([1, 2, 3, 4, 5]);
    expect(scoresOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('gives equal values the same score, by mid-rank', () => {
    expect(scoresOf([1, 1, 1, 1, 1, 1, 2, 3, 4, 5])).toEqual([2, 2, 2, 2, 2, 2, 4, 4, 5, 5]);
    expect(scoresOf([7, 7, 7, 7])).toEqual([3, 3, 3, 3]);
    expect(scoresOf([5])).toEqual([3]);
  });

  it('does not depend on input order', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    const scores = scoresOf(values);
    const reversed = scoresOf([...values].reverse()).reverse();
    expect(reversed).toEqual(scores);
    for (let i = 0; i < values.length; i += 1) {
      for (let j = 0; j < values.length; j += 1) if (values[i] === values[j]) expect(scores[i]).toBe(scores[j]);
    }
  });

  it('places a value between known ones with the lower neighbour', () => {
    const cuts = quintileCuts(Float64Array.from([10, 20, 30, 40, 50]));
    expect(cuts).toEqual([20, 30, 40, 50]);
    expect(scoreAgainst(35, cuts)).toBe(3);
    expect(scoreAgainst(5, cuts)).toBe(1);
    expect(scoreAgainst(1e9, cuts)).toBe(5);
  });
});

describe('scoreAll', () => {
  const data = [
    customer('gold', 12, 2400, 2),
    customer('meteor', 1, 1500, 100),
    customer('stream', 10, 200, 5),
    customer('burden', 1, 15, 300),
    { customerId: 'never', orderCount: 0, totalValue: 0, lastOrderAt: null },
    customer('lapsed', 3, 900, 400),
  ];

  it('puts each customer in its segment', () => {
    const { values } = scoreAll(data, NOW);
    expect(Object.fromEntries(values.map((v) => [v.customerId, v.segment]))).toEqual({
      gold: 'gold',
      meteor: 'meteor',
      stream: 'stream',
      burden: 'burden',
      never: null,
      lapsed: null,
    });
  });

  it('scores recency, frequency and monetary 1–5 among customers with orders in the window', () => {
    const { values, breakpoints } = scoreAll(data, NOW);
    const byId = Object.fromEntries(values.map((v) => [v.customerId, v]));
    expect(breakpoints.population).toBe(4);
    expect(breakpoints.perOrderBasis).toBe('value');
    expect(byId.gold?.rfm).toEqual({ recency: 5, frequency: 5, monetary: 5 });
    expect(byId.stream?.rfm).toEqual({ recency: 4, frequency: 4, monetary: 2 });
    expect(byId.meteor?.rfm).toEqual({ recency: 2, frequency: 2, monetary: 4 });
    expect(byId.burden?.rfm).toEqual({ recency: 1, frequency: 2, monetary: 1 });
    expect(byId.never).toEqual({ customerId: 'never', rfm: null, perOrderScore: null, lossMaking: false, orderCount: 0, segment: null });
    expect(byId.lapsed?.rfm).toBeNull();
  });

  it('honours a shorter window', () => {
    const { values } = scoreAll(data, NOW, { windowDays: 30 });
    expect(values.filter((v) => v.rfm !== null).map((v) => v.customerId)).toEqual(['gold', 'stream']);
    expect(valueWindowStart(NOW, 30)).toEqual(daysAgo(30));
    expect(() => valueWindowStart(NOW, 0)).toThrow(RangeError);
  });

  it('judges profit per order on margin when every customer has it, and loss-makers are a burden', () => {
    const withMargin = [
      customer('rich-thin', 12, 2400, 2, 12), // high value, but 1 profit per order
      customer('once-thin', 1, 500, 60, 2),
      customer('frequent-profit', 10, 1000, 5, 400), // 40 per order
      customer('steady', 6, 900, 20, 360),
      customer('once-profit', 1, 300, 50, 120),
      customer('big-once', 1, 900, 80, 200),
      customer('loss', 20, 5000, 1, -100),
    ];
    const { values, breakpoints } = scoreAll(withMargin, NOW);
    expect(breakpoints.perOrderBasis).toBe('margin');
    expect(Object.fromEntries(values.map((v) => [v.customerId, v.segment]))).toEqual({
      'rich-thin': 'stream',
      'once-thin': 'burden',
      'frequent-profit': 'gold',
      steady: 'gold',
      'once-profit': 'meteor',
      'big-once': 'meteor',
      loss: 'burden',
    });
    expect(values.find((v) => v.customerId === 'loss')?.lossMaking).toBe(true);
  });

  it('falls back to value when some customers lack margin, still flagging losses', () => {
    const mixed = [customer('a', 12, 2400, 2, -10), customer('b', 1, 1500, 100), customer('c', 10, 200, 5), customer('d', 1, 15, 300)];
    const { values, breakpoints } = scoreAll(mixed, NOW);
    expect(breakpoints.perOrderBasis).toBe('value');
    expect(values.map((v) => v.segment)).toEqual(['burden', 'meteor', 'stream', 'burden']);
  });

  it('never calls a one-order customer frequent, even when most bought once', () => {
    const onceHeavy = [
      ...Array.from({ length: 8 }, (_, i) => customer(`once-${i}`, 1, 100 + i, 10 + i)),
      customer('twice', 2, 220, 3),
      customer('often', 9, 1000, 1),
    ];
    const { values } = scoreAll(onceHeavy, NOW);
    const first = values[0];
    expect(first?.rfm?.frequency).toBe(3); // mid-rank of a crowd of 8 of 10
    expect(values.slice(0, 8).every((v) => v.segment === 'meteor' || v.segment === 'burden')).toBe(true);
    expect(values[9]?.segment).toBe('gold');
  });

  it('takes other thresholds', () => {
    const { values } = scoreAll(data, NOW, { thresholds: { ...DEFAULT_SEGMENT_THRESHOLDS, frequentScore: 5 } });
    expect(values.find((v) => v.customerId === 'stream')?.segment).toBe('burden');
  });

  it('treats a lone customer as average all round', () => {
    const { values } = scoreAll([customer('only', 2, 100, 3)], NOW);
    expect(values[0]?.rfm).toEqual({ recency: 3, frequency: 3, monetary: 3 });
    expect(values[0]?.segment).toBe('gold');
  });

  it('handles a million aggregates', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const n = 1_000_000;
    const many: CustomerAggregate[] = new Array(n);
    for (let i = 0; i < n; i += 1) {
      const orders = 1 + Math.floor(random() * 30);
      many[i] = { customerId: `c${i}`, orderCount: orders, totalValue: orders * (1 + random() * 500), lastOrderAt: daysAgo(random() * 364) };
    }
    const started = performance.now();
    const { values } = scoreAll(many, NOW);
    const elapsed = performance.now() - started;
    const perScore = [0, 0, 0, 0, 0];
    for (const v of values) {
      const i = (v.rfm?.monetary ?? 1) - 1;
      perScore[i] = (perScore[i] ?? 0) + 1;
    }
    for (const count of perScore) expect(count / n).toBeCloseTo(0.2, 3);
    // Loose on purpose: catches quadratic work (hours), not a busy CI machine.
    expect(elapsed).toBeLessThan(20_000);
  }, 60_000);
});

describe('scoreOne', () => {
  const population = [customer('a', 12, 2400, 2), customer('b', 1, 1500, 100), customer('c', 10, 200, 5), customer('d', 1, 15, 300)];

  it('agrees with scoreAll, also through stored (JSON) breakpoints', () => {
    const { values, breakpoints } = scoreAll(population, NOW);
    const stored = JSON.parse(JSON.stringify(breakpoints)) as RfmBreakpoints;
    population.forEach((aggregate, i) => {
      expect(scoreOne(aggregate, stored, NOW)).toEqual(values[i]);
    });
  });

  it('rescores one customer after a new order', () => {
    const breakpoints = computeBreakpoints(population, NOW);
    const before = scoreOne(population[3] as CustomerAggregate, breakpoints, NOW);
    expect(before.segment).toBe('burden');
    const after = scoreOne({ customerId: 'd', orderCount: 2, totalValue: 3015, lastOrderAt: NOW }, breakpoints, NOW);
    expect(after.rfm?.recency).toBe(5);
    expect(after.segment).toBe('meteor');
  });

  it('judges recency by age at the time of scoring', () => {
    const breakpoints = computeBreakpoints(population, NOW);
    const later = new Date(NOW.getTime() + 50 * 86_400_000);
    expect(scoreOne(population[0] as CustomerAggregate, breakpoints, NOW).rfm?.recency).toBe(5);
    expect(scoreOne(population[0] as CustomerAggregate, breakpoints, later).rfm?.recency).toBe(2);
  });

  it('gives everyone null scores when nobody has orders', () => {
    const breakpoints = computeBreakpoints([], NOW);
    expect(breakpoints.recencyAgeSeconds).toEqual([null, null, null, null]);
    expect(scoreOne({ customerId: 'x', orderCount: 0, totalValue: 0, lastOrderAt: null }, breakpoints, NOW).segment).toBeNull();
    expect(scoreOne(customer('first', 1, 10, 0), breakpoints, NOW).rfm).toEqual({ recency: 1, frequency: 1, monetary: 1 });
  });
});

describe('classifySegment', () => {
  it.each([
    [{ orderCount: 9, frequencyScore: 4, perOrderScore: 4, lossMaking: false }, 'gold'],
    [{ orderCount: 1, frequencyScore: 2, perOrderScore: 5, lossMaking: false }, 'meteor'],
    [{ orderCount: 9, frequencyScore: 5, perOrderScore: 1, lossMaking: false }, 'stream'],
    [{ orderCount: 1, frequencyScore: 1, perOrderScore: 2, lossMaking: false }, 'burden'],
    [{ orderCount: 9, frequencyScore: 5, perOrderScore: 5, lossMaking: true }, 'burden'],
    [{ orderCount: 1, frequencyScore: 3, perOrderScore: 3, lossMaking: false }, 'meteor'],
  ] as const)('%o is %s', (inputs, segment) => {
    expect(classifySegment(inputs)).toBe(segment);
  });
});

describe('explainRfm', () => {
  it('gives i18n keys with their scores', () => {
    expect(explainRfm({ recency: 5, frequency: 4, monetary: 3, perOrderScore: 2, orderCount: 7 })).toEqual([
      { key: 'customerValue.recency.recent', score: 5 },
      { key: 'customerValue.frequency.frequent', score: 4 },
      { key: 'customerValue.monetary.average', score: 3 },
      { key: 'customerValue.perOrder.low', score: 2 },
    ]);
  });

  it('follows the segment thresholds and flags losses', () => {
    const reasons = explainRfm({ recency: 1, frequency: 3, monetary: 1, perOrderScore: 4, orderCount: 1, lossMaking: true });
    expect(reasons.map((r) => r.key)).toEqual([
      'customerValue.recency.lapsed',
      'customerValue.frequency.rare',
      'customerValue.monetary.low',
      'customerValue.perOrder.high',
      'customerValue.margin.loss',
    ]);
    expect(explainRfm({ recency: 3, frequency: 3, monetary: 5 }, { ...DEFAULT_SEGMENT_THRESHOLDS, frequentScore: 4 }).map((r) => r.key)).toEqual([
      'customerValue.recency.average',
      'customerValue.frequency.rare',
      'customerValue.monetary.high',
    ]);
  });

  it('says "no orders" without scores', () => {
    expect(explainRfm(null)).toEqual([{ key: 'customerValue.noOrders' }]);
  });
});

describe('BreakpointAccumulator (the streamed computeBreakpoints)', () => {
  const fixed = [
    customer('a', 12, 2400, 2),
    customer('b', 1, 1500, 100),
    customer('c', 10, 200, 5),
    customer('d', 1, 15, 300),
    { customerId: 'e', orderCount: 0, totalValue: 0, lastOrderAt: null },
    customer('f', 3, 900, 400),
    customer('g', 3, 900, 40),
    customer('h', 2, 50, 20),
  ];

  it('gives exactly what computeBreakpoints gives, on value and on margin', async () => {
    const { BreakpointAccumulator } = await import('../../server/customers/value/breakpoint-accumulator');
    const check = (data: CustomerAggregate[], windowDays?: number) => {
      const acc = new BreakpointAccumulator(NOW, windowDays);
      for (const a of data) acc.add(a);
      expect(acc.result()).toEqual(computeBreakpoints(data, NOW, windowDays));
    };
    check(fixed);
    check(fixed, 90);
    check(fixed.map((a, i) => ({ ...a, totalMargin: a.orderCount ? (i - 3) * 40 : null })).filter((a) => a.orderCount > 0));
    check([]);
  });

  it('grows past its first block without losing values', async () => {
    const { BreakpointAccumulator } = await import('../../server/customers/value/breakpoint-accumulator');
    const many = Array.from({ length: 5000 }, (_, i) => customer(`m${i}`, 1 + (i % 17), 10 + ((i * 7919) % 1000), i % 360));
    const acc = new BreakpointAccumulator(NOW);
    for (const a of many) acc.add(a);
    expect(acc.population).toBe(5000);
    expect(acc.result()).toEqual(computeBreakpoints(many, NOW));
  });
});

describe('RFM config', () => {
  it('fills defaults and keeps what the admin set', async () => {
    const { rfmConfigSchema } = await import('../../server/customers/value/rfm-config');
    expect(rfmConfigSchema.parse({})).toEqual({ windowDays: 365, thresholds: DEFAULT_SEGMENT_THRESHOLDS, excludedStatuses: ['cancelled', 'refunded', 'returned'], currencyRates: {} });
    expect(rfmConfigSchema.parse({ currencyRates: { USD: 7.2 } }).currencyRates).toEqual({ USD: 7.2 });
    for (const currencyRates of [{ usd: 7.2 }, { USD: 0 }, { USD: -1 }, { USD: null }, { US: 1 }]) {
      expect(rfmConfigSchema.safeParse({ currencyRates }).success, JSON.stringify(currencyRates)).toBe(false);
    }
    expect(rfmConfigSchema.parse({ windowDays: 90, thresholds: { highValueScore: 4 } }).thresholds).toEqual({ ...DEFAULT_SEGMENT_THRESHOLDS, highValueScore: 4 });
    expect(rfmConfigSchema.safeParse({ windowDays: 0 }).success).toBe(false);
  });
});

describe('CSV fields of exports', () => {
  it('quotes commas, quotes and line breaks and defuses formulas', async () => {
    const { csvLine } = await import('../../server/reports/csv-text');
    expect(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', null, 3])).toBe('a,"b,c","say ""hi""","two\nlines",,3\r\n');
    expect(csvLine(['=SUM(A1)', '-5', -5])).toBe("'=SUM(A1),'-5,-5\r\n");
  });
});
