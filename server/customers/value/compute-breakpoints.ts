import { DEFAULT_WINDOW_DAYS, type CustomerAggregate, type Cuts, type RfmBreakpoints } from './customer-value-types';
import { quintileCuts } from './quintile-cuts';
import { hasOrdersInWindow, lastOrderAgeSeconds, perOrderAmount, valueWindowStart } from './value-window';

const negate = (cuts: Cuts): Cuts => cuts.map((c) => (c === null ? null : c === 0 ? 0 : -c)) as Cuts;

/**
 * The quintile cut points of the customers with orders in the window (the rest take no part):
 * four sorts of n numbers in typed arrays, so a million aggregates take well under a second.
 */
export function computeBreakpoints(
  aggregates: readonly CustomerAggregate[],
  now: Date,
  windowDays: number = DEFAULT_WINDOW_DAYS,
): RfmBreakpoints {
  const nowMs = now.getTime();
  const startMs = valueWindowStart(now, windowDays).getTime();
  const scored: CustomerAggregate[] = [];
  let allHaveMargin = true;
  for (const aggregate of aggregates) {
    if (!hasOrdersInWindow(aggregate, startMs)) continue;
    scored.push(aggregate);
    if (aggregate.totalMargin == null) allHaveMargin = false;
  }
  const n = scored.length;
  const basis = n > 0 && allHaveMargin ? 'margin' : 'value';
  // Recency is sorted as negated age so that, like the others, higher is better.
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  const perOrder = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const aggregate = scored[i] as CustomerAggregate;
    recency[i] = -lastOrderAgeSeconds(aggregate.lastOrderAt as Date, nowMs);
    frequency[i] = aggregate.orderCount;
    monetary[i] = aggregate.totalValue;
    perOrder[i] = perOrderAmount(aggregate, basis);
  }
  return {
    windowDays,
    population: n,
    recencyAgeSeconds: negate(quintileCuts(recency)),
    frequency: quintileCuts(frequency),
    monetary: quintileCuts(monetary),
    perOrder: quintileCuts(perOrder),
    perOrderBasis: basis,
  };
}
