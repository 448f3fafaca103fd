import { computeBreakpoints } from './compute-breakpoints';
import {
  DEFAULT_SEGMENT_THRESHOLDS,
  DEFAULT_WINDOW_DAYS,
  type CustomerAggregate,
  type CustomerValue,
  type RfmBreakpoints,
  type SegmentThresholds,
} from './customer-value-types';
import { scoreAt } from './score-one';
import { valueWindowStart } from './value-window';

export interface ScoreAllOptions {
  windowDays?: number;
  thresholds?: SegmentThresholds;
}

/**
 * Every customer's RFM scores and segment at `now`, in input order, with the breakpoints to store for
 * `scoreOne`. O(n log n): one sort per dimension, then constant work per customer.
 */
export function scoreAll(
  aggregates: readonly CustomerAggregate[],
  now: Date,
  options: ScoreAllOptions = {},
): { breakpoints: RfmBreakpoints; values: CustomerValue[] } {
  const breakpoints = computeBreakpoints(aggregates, now, options.windowDays ?? DEFAULT_WINDOW_DAYS);
  const thresholds = options.thresholds ?? DEFAULT_SEGMENT_THRESHOLDS;
  const nowMs = now.getTime();
  const startMs = valueWindowStart(now, breakpoints.windowDays).getTime();
  const values: CustomerValue[] = [];
  for (const aggregate of aggregates) values.push(scoreAt(aggregate, breakpoints, nowMs, startMs, thresholds));
  return { breakpoints, values };
}
