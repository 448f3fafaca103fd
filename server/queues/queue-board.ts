import { once } from 'node:events';
import type { AppContext } from '../context';
import type { DomainBus } from '../events/bus';
import { PopCache } from '../calls/call-viewers';
import { SUPERVISORS_ROOM, teamBoardRoom } from '../realtime/rooms';
import { scopeSnapshot, snapshotTeams } from './scope-snapshot';
import { buildQueueSnapshot } from './build-queue-snapshot';
import { callContribution, type StatsCallRow } from './call-contribution';
import { forEachStatsCallSince, loadStatsCall, statsRowOf } from './load-stats-call';
import { startOfLocalDay } from './metrics/start-of-local-day';
import { QueueStatsStore } from './queue-stats-store';
import { loadRoster, RosterCache } from './queue-roster';
import { SnapshotEmitter } from './snapshot-emitter';
import type { BoardSnapshot } from './snapshot-types';

// Calls still waiting since the evening before are rebuilt too.
const REBUILD_LOOKBACK_MS = 12 * 3600_000;

/**
 * Live queues for supervisors: keeps today's figures in Redis from `call.changed` domain events
 * (any process, exactly once per call step) and sends `queue:snapshot` to SUPERVISORS_ROOM.
 */
export class QueueBoard {
  readonly store: QueueStatsStore;
  readonly roster: RosterCache;
  readonly emitter: SnapshotEmitter;
  private rebuilding: Promise<void> | null = null;
  private readonly build: () => Promise<BoardSnapshot>;

  constructor(private readonly ctx: AppContext, bus: DomainBus) {
    const prefix = ctx.config.REDIS_PREFIX;
    this.store = new QueueStatsStore(ctx.redis, prefix);
    this.roster = new RosterCache(() => loadRoster(ctx.database.sql));
    const pops = new PopCache(ctx.redis, prefix);
    this.build = () => buildQueueSnapshot({ redis: ctx.redis, prefix, store: this.store, pops, roster: () => this.roster.get() });
    this.emitter = new SnapshotEmitter(
      this.build,
      (snapshot) => {
        ctx.realtime.toRoom(SUPERVISORS_ROOM, 'queue:snapshot', snapshot);
        for (const teamId of snapshotTeams(snapshot)) ctx.realtime.toRoom(teamBoardRoom(teamId), 'queue:snapshot', scopeSnapshot(snapshot, teamId));
      },
      (err) => ctx.logger.error({ err }, 'queue snapshot failed'),
      { claimHeartbeat: async () => (await ctx.redis.set(`${prefix}:qsnap-tick`, '1', 'PX', 900, 'NX')) === 'OK' },
    );

    bus.on('call.changed', async ({ callId, queueId, row }) => {
      if (queueId && !this.roster.knowsQueue(queueId)) this.roster.invalidate();
      try {
        // The row the write returned is as true as a read now (contributions carry versions, so an
        // older one never replaces a newer); only events without one read the call again.
        if (row) await this.recordRows([statsRowOf(row)]);
        else await this.recordCall(callId);
      } finally {
        this.emitter.changed();
      }
    });
    bus.on('agent.state-changed', ({ agentId }) => {
      if (!this.roster.knowsAgent(agentId)) this.roster.invalidate();
      this.emitter.changed();
    });
  }

  /** Applies the call's current row to its queue's counters (idempotent). */
  async recordCall(callId: string): Promise<void> {
    const row = await loadStatsCall(this.ctx.database.sql, callId);
    if (row) await this.recordRows([row]);
  }

  private async recordRows(rows: StatsCallRow[]): Promise<void> {
    const { queues } = await this.roster.get();
    const byId = new Map(queues.map((q) => [q.id, q]));
    await Promise.all(
      rows.map(async (row) => {
        const queue = row.queueId ? byId.get(row.queueId) : undefined;
        if (!queue) return;
        const c = callContribution(row, { serviceLevelSeconds: queue.serviceLevelSeconds, timezone: queue.timezone });
        if (c) await this.store.apply(row.id, c);
      }),
    );
  }

  /** A snapshot built now, with queues and agents re-read (one may have been created a moment ago), as `teamId` may see it. */
  async snapshot(teamId: string | null = null): Promise<BoardSnapshot> {
    this.roster.invalidate();
    return scopeSnapshot(await this.build(), teamId);
  }

  /**
   * First boot on this Redis, or Redis lost its data: recount today's calls from PostgreSQL.
   * Safe alongside live events and other processes doing the same (contributions are idempotent).
   */
  async rebuildIfNeeded(): Promise<void> {
    // The producer connection has no offline queue: at boot, wait for it rather than fail.
    if (this.ctx.redis.status !== 'ready') await once(this.ctx.redis, 'ready');
    if (!(await this.store.needsRebuild())) return;
    const started = Date.now();
    const { queues } = await this.roster.get();
    const now = new Date();
    const since = new Date(Math.min(now.getTime(), ...queues.map((q) => startOfLocalDay(now, q.timezone).getTime())) - REBUILD_LOOKBACK_MS);
    const count = await forEachStatsCallSince(this.ctx.database.sql, since, (rows) => this.recordRows(rows));
    await this.store.markRebuilt();
    this.ctx.logger.info({ calls: count, ms: Date.now() - started }, 'queue figures rebuilt from the database');
    this.emitter.changed();
  }

  start(): void {
    this.emitter.start();
    this.rebuilding = this.rebuildIfNeeded().catch((err: unknown) => this.ctx.logger.error({ err }, 'queue figures rebuild failed'));
  }

  async stop(): Promise<void> {
    await this.rebuilding;
    await this.emitter.stop();
  }
}
