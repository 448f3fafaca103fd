import { DEFAULT_SEGMENT_THRESHOLDS, type Segment, type SegmentThresholds } from './customer-value-types';

export interface SegmentInputs {
  orderCount: number;
  frequencyScore: number;
  perOrderScore: number;
  lossMaking: boolean;
}

export function isFrequent(frequencyScore: number, orderCount: number | undefined, thresholds: SegmentThresholds): boolean {
  return frequencyScore >= thresholds.frequentScore && (orderCount === undefined || orderCount >= thresholds.minOrdersForFrequent);
}

/**
 * The four customer types of profit per purchase × purchase frequency (顾客终生价值):
 * gold 黄金 often and high value; meteor 流星 rarely but high value; stream 小溪 often but small;
 * burden 负担 rarely and small, or buying only at a loss (average margin per order < 0, whatever the rest).
 */
export function classifySegment(inputs: SegmentInputs, thresholds: SegmentThresholds = DEFAULT_SEGMENT_THRESHOLDS): Segment {
  if (inputs.lossMaking) return 'burden';
  const frequent = isFrequent(inputs.frequencyScore, inputs.orderCount, thresholds);
  const high = inputs.perOrderScore >= thresholds.highValueScore;
  if (frequent) return high ? 'gold' : 'stream';
  return high ? 'meteor' : 'burden';
}
