import { isFrequent } from './classify-segment';
import { DEFAULT_SEGMENT_THRESHOLDS, type RfmScores, type SegmentThresholds } from './customer-value-types';

/** i18n keys (messages/<locale>.json → `customerValue.*`); the console words them. */
export type RfmReasonKey =
  | 'customerValue.noOrders'
  | 'customerValue.recency.recent'
  | 'customerValue.recency.average'
  | 'customerValue.recency.lapsed'
  | 'customerValue.frequency.frequent'
  | 'customerValue.frequency.rare'
  | 'customerValue.monetary.high'
  | 'customerValue.monetary.average'
  | 'customerValue.monetary.low'
  | 'customerValue.perOrder.high'
  | 'customerValue.perOrder.low'
  | 'customerValue.margin.loss';

export interface RfmReason {
  key: RfmReasonKey;
  /** The 1–5 score behind the reason, for "(4/5)" style display. */
  score?: number;
}

export interface ExplainInputs extends RfmScores {
  perOrderScore?: number | null;
  orderCount?: number;
  lossMaking?: boolean;
}

const band = (score: number): 'high' | 'average' | 'low' => (score >= 4 ? 'high' : score === 3 ? 'average' : 'low');

/**
 * Short reasons for the customer page, in a fixed order: recency, frequency, total spend, per-order
 * value, loss. Bands: 4–5 high, 3 average, 1–2 low; frequency and per-order value use the segment
 * thresholds instead, so the reasons always agree with the segment shown beside them.
 */
export function explainRfm(
  scores: ExplainInputs | null,
  thresholds: SegmentThresholds = DEFAULT_SEGMENT_THRESHOLDS,
): RfmReason[] {
  if (scores === null) return [{ key: 'customerValue.noOrders' }];
  const recency = band(scores.recency);
  const reasons: RfmReason[] = [
    {
      key: recency === 'high' ? 'customerValue.recency.recent' : recency === 'average' ? 'customerValue.recency.average' : 'customerValue.recency.lapsed',
      score: scores.recency,
    },
    {
      key: isFrequent(scores.frequency, scores.orderCount, thresholds) ? 'customerValue.frequency.frequent' : 'customerValue.frequency.rare',
      score: scores.frequency,
    },
    { key: `customerValue.monetary.${band(scores.monetary)}`, score: scores.monetary },
  ];
  if (scores.perOrderScore != null) {
    reasons.push({
      key: scores.perOrderScore >= thresholds.highValueScore ? 'customerValue.perOrder.high' : 'customerValue.perOrder.low',
      score: scores.perOrderScore,
    });
  }
  if (scores.lossMaking) reasons.push({ key: 'customerValue.margin.loss' });
  return reasons;
}
