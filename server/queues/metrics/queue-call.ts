import type { AgentState, CallState } from '../../realtime/events';

/** One call of a queue, as the calls table holds it. */
export interface QueueCall {
  startedAt: Date;
  /** When it joined the queue, if later than startedAt (after an IVR); defaults to startedAt. */
  queuedAt?: Date | null;
  answeredAt?: Date | null;
  endedAt?: Date | null;
  /** End of the agent's after-call work (calls.wrappedUpAt). */
  wrappedUpAt?: Date | null;
  state: CallState;
}

export interface QueueMetricsConfig {
  /** Answer-time target of the service level (queues.serviceLevelSeconds). */
  serviceLevelSeconds: number;
  timezone: string;
  /** Abandons quicker than this are short abandons (misdials, instant hang-ups). Default 5 s. */
  shortAbandonSeconds?: number;
}

export type { AgentState, CallState };

export const DEFAULT_SHORT_ABANDON_SECONDS = 5;

export function queuedAt(call: QueueCall): Date {
  return call.queuedAt ?? call.startedAt;
}

/** Still in the queue: not answered and not ended. */
export function isWaiting(call: QueueCall): boolean {
  return call.state === 'ringing' && !call.answeredAt && !call.endedAt;
}

/** A caller who hung up while waiting. */
export function isAbandon(call: QueueCall): boolean {
  return call.state === 'abandoned' && !call.answeredAt;
}

export function secondsBetween(from: Date, to: Date): number {
  return Math.max(0, (to.getTime() - from.getTime()) / 1000);
}
