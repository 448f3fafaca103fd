import type { AgentState, QueueSnapshot, QueueSnapshotEntry, Segment } from '../realtime/events';

/**
 * `queue:snapshot` as Switchboard sends it: the contract's fields, plus what the wallboard shows.
 * Type-only (no runtime imports), so the console can import it.
 */
export interface WaitingCallEntry {
  callId: string;
  from: string | null;
  customerName: string | null;
  segment: Segment | null;
  /** When the caller joined the queue (ISO); the console ticks the wait from it. */
  since: string;
}

export interface QuarterHourSeries {
  /** Local midnight of the queue (ISO): bucket i covers start + 15·i minutes. */
  start: string;
  offered: number[];
  answered: number[];
  abandoned: number[];
}

/** What Switchboard adds to each queue of the contract's snapshot. */
export interface BoardQueueExtras {
  id: string;
  teamId: string | null;
  shortAbandons: number;
  missed: number;
  abandonRate: number | null;
  /** Seconds, one decimal; null with no answered call today. */
  averageSpeedOfAnswer: number | null;
  averageHandleTime: number | null;
  serviceLevelSeconds: number;
  /** 0–1 like serviceLevel (queues.service_level_target_pct ÷ 100). */
  serviceLevelTarget: number;
  timezone: string;
  dayStartedAt: string;
  waitingCalls: WaitingCallEntry[];
  quarterHours: QuarterHourSeries;
}

export interface BoardQueueEntry extends QueueSnapshotEntry, BoardQueueExtras {}

export interface BoardAgentEntry {
  id: string;
  name: string;
  teamId: string | null;
  state: AgentState;
  since: string;
  /** Names of the agent's queues; empty for a generalist. */
  queues: string[];
}

export interface BoardSnapshot extends QueueSnapshot {
  queues: BoardQueueEntry[];
  /** Agents not offline, every queue's. */
  agents: BoardAgentEntry[];
}
