import type { BoardSnapshot } from './snapshot-types';

export interface SnapshotEmitterOptions {
  /** Supervisors get at most one snapshot this often: a burst of 100 calls/s becomes 4 snapshots/s. */
  minIntervalMs?: number;
  /** While a call waits, its wait grows: a fresh snapshot at least this often. */
  heartbeatMs?: number;
  /** Across processes only one may send the heartbeat of each period (a Redis SET NX PX). */
  claimHeartbeat?: () => Promise<boolean>;
  now?: () => number;
}

/**
 * Coalesces changes into snapshots: the first change after a quiet spell is sent at once (build
 * time only), later ones at most every minIntervalMs, and a change during a build is followed by
 * another build, so no change waits more than minIntervalMs plus one build.
 */
export class SnapshotEmitter {
  private timer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private building: Promise<void> | null = null;
  private dirty = false;
  private stopped = false;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private latest: { snapshot: BoardSnapshot; at: number } | null = null;
  private readonly minIntervalMs: number;
  private readonly heartbeatMs: number;
  private readonly now: () => number;

  constructor(
    private readonly build: () => Promise<BoardSnapshot>,
    private readonly send: (snapshot: BoardSnapshot) => void,
    private readonly onError: (err: unknown) => void,
    private readonly options: SnapshotEmitterOptions = {},
  ) {
    this.minIntervalMs = options.minIntervalMs ?? 250;
    this.heartbeatMs = options.heartbeatMs ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** Something the snapshot shows may have changed. */
  changed(): void {
    if (this.stopped) return;
    this.dirty = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.building || this.stopped) return;
    const delay = Math.max(0, this.lastSentAt + this.minIntervalMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private flush(): Promise<void> {
    this.dirty = false;
    this.building = (async () => {
      try {
        const snapshot = await this.build();
        this.latest = { snapshot, at: this.now() };
        if (this.stopped) return;
        this.lastSentAt = this.now();
        this.send(snapshot);
      } catch (err) {
        this.onError(err);
      } finally {
        this.building = null;
        if (this.dirty) this.schedule();
      }
    })();
    return this.building;
  }

  start(): void {
    this.heartbeat = setInterval(() => void this.tick(), this.heartbeatMs);
    this.heartbeat.unref();
  }

  private async tick(): Promise<void> {
    const waiting = this.latest?.snapshot.queues.some((q) => q.waiting > 0) ?? false;
    if (!waiting || this.timer || this.building || this.stopped) return;
    try {
      if (this.options.claimHeartbeat && !(await this.options.claimHeartbeat())) return;
      this.changed();
    } catch (err) {
      this.onError(err);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.timer = null;
    await this.building;
  }
}
