import type { CustomerAggregate } from './customer-value-types';

const DAY_MS = 86_400_000;

export function assertWindowDays(windowDays: number): void {
  if (!Number.isFinite(windowDays) || windowDays <= 0) throw new RangeError(`windowDays must be positive, got ${windowDays}`);
}

/** Orders placed at or after this instant count. Elapsed days: a 365-day window is not a calendar year. */
export function valueWindowStart(now: Date, windowDays: number): Date {
  assertWindowDays(windowDays);
  return new Date(now.getTime() - windowDays * DAY_MS);
}

/** Whether the aggregate shows an order inside the window; those without get null scores and segment. */
export function hasOrdersInWindow(aggregate: CustomerAggregate, windowStartMs: number): boolean {
  return aggregate.orderCount > 0 && aggregate.lastOrderAt !== null && aggregate.lastOrderAt.getTime() >= windowStartMs;
}

/** Seconds since the last order; an order stamped after `now` (clock skew) is age 0. */
export function lastOrderAgeSeconds(lastOrderAt: Date, nowMs: number): number {
  return Math.max(0, (nowMs - lastOrderAt.getTime()) / 1000);
}

/** Average margin per order when known, else average value: "profit per purchase" in the segment. */
export function perOrderAmount(aggregate: CustomerAggregate, basis: 'margin' | 'value'): number {
  const total = basis === 'margin' && aggregate.totalMargin != null ? aggregate.totalMargin : aggregate.totalValue;
  return total / aggregate.orderCount;
}

export function isLossMaking(aggregate: CustomerAggregate): boolean {
  return aggregate.totalMargin != null && aggregate.orderCount > 0 && aggregate.totalMargin / aggregate.orderCount < 0;
}
