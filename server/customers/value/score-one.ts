import { classifySegment } from './classify-segment';
import {
  DEFAULT_SEGMENT_THRESHOLDS,
  type CustomerAggregate,
  type CustomerValue,
  type RfmBreakpoints,
  type SegmentThresholds,
} from './customer-value-types';
import { scoreAgainst } from './quintile-cuts';
import { hasOrdersInWindow, isLossMaking, lastOrderAgeSeconds, perOrderAmount, valueWindowStart } from './value-window';

/**
 * One customer's scores and segment against stored breakpoints, so a new order rescores that customer
 * without reading everyone; `scoreAll` uses it too, so both always agree. Recency is judged by age at
 * `now`, so stored cuts stay meaningful as days pass. Under a margin basis, a customer whose orders
 * carry no margin is judged on value (the next full run will switch the basis to value).
 */
export function scoreOne(
  aggregate: CustomerAggregate,
  breakpoints: RfmBreakpoints,
  now: Date,
  thresholds: SegmentThresholds = DEFAULT_SEGMENT_THRESHOLDS,
): CustomerValue {
  const nowMs = now.getTime();
  return scoreAt(aggregate, breakpoints, nowMs, valueWindowStart(now, breakpoints.windowDays).getTime(), thresholds);
}

/** scoreOne with the clock already read: scoreAll calls it a million times. */
export function scoreAt(
  aggregate: CustomerAggregate,
  breakpoints: RfmBreakpoints,
  nowMs: number,
  windowStartMs: number,
  thresholds: SegmentThresholds,
): CustomerValue {
  if (!hasOrdersInWindow(aggregate, windowStartMs)) {
    return { customerId: aggregate.customerId, rfm: null, perOrderScore: null, lossMaking: false, orderCount: 0, segment: null };
  }
  const lossMaking = isLossMaking(aggregate);
  const age = lastOrderAgeSeconds(aggregate.lastOrderAt as Date, nowMs);
  let recency = 1;
  for (const cut of breakpoints.recencyAgeSeconds) if (cut !== null && age <= cut) recency += 1;
  const frequency = scoreAgainst(aggregate.orderCount, breakpoints.frequency);
  const monetary = scoreAgainst(aggregate.totalValue, breakpoints.monetary);
  const perOrderScore = scoreAgainst(perOrderAmount(aggregate, breakpoints.perOrderBasis), breakpoints.perOrder);
  return {
    customerId: aggregate.customerId,
    rfm: { recency, frequency, monetary },
    perOrderScore,
    lossMaking,
    orderCount: aggregate.orderCount,
    segment: classifySegment({ orderCount: aggregate.orderCount, frequencyScore: frequency, perOrderScore, lossMaking }, thresholds),
  };
}
