import type { Segment } from '../../realtime/events';

export type { Segment };

/** One customer's orders inside the value window (the query filters placedAt ≥ windowStart). */
export interface CustomerAggregate {
  customerId: string;
  lastOrderAt: Date | null;
  orderCount: number;
  totalValue: number;
  /** Sum of order margins where the integrator sends them; null/absent = unknown. */
  totalMargin?: number | null;
}

/** Each 1–5, 5 best: most recent, most orders, highest spend. */
export interface RfmScores {
  recency: number;
  frequency: number;
  monetary: number;
}

/**
 * Cut points of scores 2, 3, 4, 5 (index 0 → score 2); null = no customer reached that score.
 * Plain numbers and nulls so the whole object can be stored as JSON and used by `scoreOne` later.
 */
export type Cuts = [number | null, number | null, number | null, number | null];

export interface RfmBreakpoints {
  windowDays: number;
  /** Customers with orders in the window that the cuts were computed from. */
  population: number;
  /** Largest age of the last order, in seconds, that still scores 2, 3, 4, 5 (lower age = better). */
  recencyAgeSeconds: Cuts;
  /** Smallest order count that scores 2, 3, 4, 5. */
  frequency: Cuts;
  /** Smallest total value that scores 2, 3, 4, 5. */
  monetary: Cuts;
  /** Smallest average per order (margin or value, see perOrderBasis) that scores 2, 3, 4, 5. */
  perOrder: Cuts;
  /** Margin when every customer's orders carried it, else value. */
  perOrderBasis: 'margin' | 'value';
}

export interface SegmentThresholds {
  /** Frequency score from which a customer buys often. */
  frequentScore: number;
  /** Per-order score from which a customer is of high value. */
  highValueScore: number;
  /** A single order is never "often", however the quintiles fall (most customers buy once). */
  minOrdersForFrequent: number;
}

export const DEFAULT_SEGMENT_THRESHOLDS: SegmentThresholds = {
  frequentScore: 3,
  highValueScore: 3,
  minOrdersForFrequent: 2,
};

export const DEFAULT_WINDOW_DAYS = 365;

export interface CustomerValue {
  customerId: string;
  /** null with no orders in the window. */
  rfm: RfmScores | null;
  /** 1–5 score of the average margin (or value) per order; drives the segment. */
  perOrderScore: number | null;
  /** Average margin per order below zero. */
  lossMaking: boolean;
  /** Purchases in the window (0 without). */
  orderCount: number;
  segment: Segment | null;
}
