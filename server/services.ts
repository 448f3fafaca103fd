import type { AppContext } from './context';
import { DomainBus } from './events/bus';
import { Presence } from './agents/presence';
import type { SocketHooks } from './realtime/socket-handlers';
import { acknowledge, replayPending } from './notifications/outbox';

/** The domain services of one process, wired once. */
export interface Services {
  bus: DomainBus;
  presence: Presence;
  socketHooks: SocketHooks;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createServices(ctx: AppContext): Services {
  const bus = new DomainBus((err, event) => ctx.logger.error({ err, event }, 'domain listener failed'));
  const presence = new Presence(ctx.redis, ctx.config.REDIS_PREFIX);

  const socketHooks: SocketHooks = {
    async setAgentStatus(agentId, status) {
      const previous = await presence.set(agentId, status);
      bus.emit('agent.state-changed', { agentId, state: status, previous, at: new Date() });
    },
    async onConnect(socket) {
      await replayPending(ctx, socket);
      bus.emit('agent.connected', { agentId: socket.data.userId });
    },
    async onDisconnect() {},
    acknowledge: (userId, id) => acknowledge(ctx, userId, id),
  };

  return {
    bus,
    presence,
    socketHooks,
    async start() {},
    async stop() {},
  };
}
