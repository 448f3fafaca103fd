import type { AppContext } from '../context';
import type { DomainBus } from '../events/bus';
import type { CallService } from '../calls/call-service';
import type { AgentState, AgentStatus } from '../realtime/events';
import { SUPERVISORS_ROOM } from '../realtime/rooms';
import type { Presence } from './presence';

// An agent whose sockets all dropped keeps being offered calls this long (a browser reload, a
// Wi-Fi blip) before being treated as away.
export const DISCONNECT_GRACE_MS = 30_000;

export class AgentStatusService {
  private readonly graceTimers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly bus: DomainBus,
    private readonly presence: Presence,
    private readonly calls: CallService,
  ) {}

  async setStatus(agentId: string, status: AgentStatus): Promise<void> {
    const previous = (await this.presence.get(agentId)).state;
    if (status === 'available') await this.calls.agentReady(agentId, await this.calls.agentQueues(agentId));
    else await this.calls.pool.agentUnavailable(agentId, status);
    const now = (await this.presence.get(agentId)).state;
    this.announce(agentId, now, previous);
  }

  /** The call flow moved the agent (busy on answer, wrap-up after, free after a miss): tell everyone. */
  async refresh(agentId: string, previous: AgentState): Promise<void> {
    const { state } = await this.presence.get(agentId);
    if (state !== previous) this.announce(agentId, state, previous);
  }

  private announce(agentId: string, state: AgentState, previous: AgentState): void {
    const at = new Date();
    const event = { agentId, state, since: at.toISOString() };
    this.ctx.realtime.toRoom(SUPERVISORS_ROOM, 'agent:state', event);
    // The agent's own consoles keep their status switch true to what the server decided.
    this.ctx.realtime.toUser(agentId, 'agent:state', event);
    this.bus.emit('agent.state-changed', { agentId, state, previous, at });
  }

  connected(agentId: string): void {
    const timer = this.graceTimers.get(agentId);
    if (timer) clearTimeout(timer);
    this.graceTimers.delete(agentId);
  }

  async disconnected(agentId: string): Promise<void> {
    if (this.stopped) return; // the server is closing its sockets itself
    if (await this.ctx.realtime.isOnline(agentId)) return;
    this.connected(agentId);
    const timer = setTimeout(() => {
      this.graceTimers.delete(agentId);
      void this.expire(agentId).catch((err: unknown) => this.ctx.logger.error({ err, agentId }, 'presence expiry failed'));
    }, DISCONNECT_GRACE_MS);
    timer.unref();
    this.graceTimers.set(agentId, timer);
  }

  private async expire(agentId: string): Promise<void> {
    if (await this.ctx.realtime.isOnline(agentId)) return;
    const { state } = await this.presence.get(agentId);
    if (state === 'available' || state === 'wrap_up') {
      await this.calls.pool.agentUnavailable(agentId, 'away');
      this.announce(agentId, 'away', state);
    }
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.graceTimers.values()) clearTimeout(timer);
    this.graceTimers.clear();
  }
}
