import type { AppContext } from '../context';
import type { CallRow } from '../calls/call-row';
import type { DomainBus } from '../events/bus';
import { offerWaitingFollowUps, sweepFollowUps } from './sweep-follow-ups';
import { scheduleNextCheckIn } from './schedule-check-in';

// Follow-ups waiting for an agent are retried this often besides on every "agent available":
// an agent of another process going available is only seen by that process's bus.
const WAITING_RETRY_MS = 5_000;
// Timers lost by Redis are re-created this often (and at boot): a flush costs at most this delay.
const TIMER_SWEEP_MS = 30_000;

/**
 * The follow-up side of one server process: the boot sweep, the periodic sweeps, offering waiting
 * follow-ups when an agent becomes available, and the next check-in after an answered call.
 */
export class FollowUpService {
  private timers: NodeJS.Timeout[] = [];
  private offering: Promise<void> | null = null;
  private offerAgain = false;
  private stopped = false;

  constructor(private readonly ctx: AppContext, bus: DomainBus) {
    bus.on('agent.state-changed', (e) => {
      if (e.state === 'available') this.offerWaiting();
    });
    bus.on('agent.connected', () => this.offerWaiting());
    bus.on('call.changed', async (e) => {
      if (e.state === 'completed') await this.afterCall(e.callId, e.row);
    });
  }

  /** Boot: re-create lost timers and offer what fell due while the system was down, then keep doing so. */
  async start(): Promise<void> {
    await sweepFollowUps(this.ctx).catch((err: unknown) => this.ctx.logger.error({ err }, 'follow-up boot sweep failed'));
    const every = (ms: number, run: () => Promise<unknown>) => {
      const t = setInterval(() => void run().catch((err: unknown) => this.ctx.logger.error({ err }, 'follow-up sweep failed')), ms);
      t.unref();
      this.timers.push(t);
    };
    every(WAITING_RETRY_MS, async () => this.offerWaiting());
    every(TIMER_SWEEP_MS, () => sweepFollowUps(this.ctx));
  }

  /** Coalesced: a burst of agents going available runs one pass, and one more after it. */
  offerWaiting(): void {
    if (this.stopped) return;
    if (this.offering) {
      this.offerAgain = true;
      return;
    }
    this.offering = (async () => {
      do {
        this.offerAgain = false;
        await offerWaitingFollowUps(this.ctx).catch((err: unknown) => this.ctx.logger.error({ err }, 'offering waiting follow-ups failed'));
      } while (this.offerAgain && !this.stopped);
    })().finally(() => (this.offering = null));
  }

  private async afterCall(callId: string, row?: CallRow): Promise<void> {
    const call = row ?? (await this.ctx.database.sql<Array<Pick<CallRow, 'customer_id' | 'queue_id' | 'answered_at' | 'ended_at'>>>`
      select customer_id, queue_id, answered_at, ended_at from calls where id = ${callId}`)[0];
    if (!call?.customer_id || !call.answered_at) return;
    await scheduleNextCheckIn(this.ctx, call.customer_id, call.ended_at ?? new Date(), { queueId: call.queue_id });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.offering;
  }
}
