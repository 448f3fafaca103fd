import { useEffect, useState } from 'react';
import type { QueueSnapshot, QueueSnapshotEntry } from '../../server/realtime/events';
import type { BoardAgentEntry, BoardQueueExtras } from '../../server/queues/snapshot-types';

/** A snapshot as received: the contract's fields for sure, Switchboard's extras when the server sent them. */
type ContractFields = 'name' | 'waiting' | 'longestWaitSeconds' | 'agents' | 'offered' | 'answered' | 'abandoned' | 'serviceLevel';
export type WallboardQueue = Pick<QueueSnapshotEntry, ContractFields> & Partial<BoardQueueExtras>;
export interface WallboardSnapshot {
  at: QueueSnapshot['at'];
  queues: WallboardQueue[];
  agents?: BoardAgentEntry[];
}

/** The clock, ticking every second, so waits and times in state count up between snapshots. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function secondsSince(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - new Date(iso).getTime()) / 1000));
}

/** 75 → "1:15", 3725 → "1:02:05". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export const percent = (share: number | null | undefined) => (share === null || share === undefined ? null : `${Math.round(share * 100)}%`);
