import type { AppContext } from './context';
import { DomainBus } from './events/bus';
import { Presence } from './agents/presence';
import type { SocketHooks } from './realtime/socket-handlers';
import { acknowledge, replayPending } from './notifications/outbox';
import { CallService } from './calls/call-service';
import { AgentStatusService } from './agents/agent-status-service';
import { FollowUpService } from './followups/follow-up-service';
import { QueueBoard } from './queues/queue-board';
import { complaintDeadlinesService, type ComplaintDeadlinesService } from './complaints/deadlines/complaint-deadlines-service';
import { scheduleNightlyValue } from './customers/recompute-value-scheduler';

/** The domain services of one process, wired once. */
export interface Services {
  bus: DomainBus;
  presence: Presence;
  calls: CallService;
  agents: AgentStatusService;
  followUps: FollowUpService;
  queueBoard: QueueBoard;
  /** Boot sweep and periodic sweep of complaint deadlines. */
  complaintDeadlines: ComplaintDeadlinesService;
  socketHooks: SocketHooks;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createServices(ctx: AppContext): Services {
  const bus = new DomainBus((err, event) => ctx.logger.error({ err, event }, 'domain listener failed'));
  const presence = new Presence(ctx.redis, ctx.config.REDIS_PREFIX);
  const calls = new CallService(ctx, bus);
  const agents = new AgentStatusService(ctx, bus, presence, calls);
  calls.onAgentMoved = (agentId, previous) => agents.refresh(agentId, previous);
  const followUps = new FollowUpService(ctx, bus);
  const queueBoard = new QueueBoard(ctx, bus);
  const complaintDeadlines = complaintDeadlinesService(ctx);

  const socketHooks: SocketHooks = {
    setAgentStatus: (agentId, status) => agents.setStatus(agentId, status),
    async onConnect(socket) {
      agents.connected(socket.data.userId);
      const presenceNow = await presence.get(socket.data.userId);
      socket.emit('agent:state', { agentId: socket.data.userId, state: presenceNow.state, since: presenceNow.since.toISOString() });
      // Calls still ringing for this agent pop again on the console that just (re)connected.
      for (const pop of await calls.ringingPopsFor(socket.data.userId)) socket.emit('call:pop', pop);
      await replayPending(ctx, socket);
      // Supervisors see the floor at once, not at the next change.
      if (socket.data.role === 'supervisor' || socket.data.role === 'admin') socket.emit('queue:snapshot', await queueBoard.snapshot(socket.data.role === 'admin' ? null : socket.data.teamId));
      bus.emit('agent.connected', { agentId: socket.data.userId });
    },
    onDisconnect: (userId) => agents.disconnected(userId),
    acknowledge: (userId, id) => acknowledge(ctx, userId, id),
  };

  return {
    bus,
    presence,
    calls,
    agents,
    followUps,
    queueBoard,
    complaintDeadlines,
    socketHooks,
    async start() {
      queueBoard.start();
      await followUps.start();
      await complaintDeadlines.start();
      await scheduleNightlyValue(ctx);
    },
    async stop() {
      agents.stop();
      await queueBoard.stop();
      await followUps.stop();
      await complaintDeadlines.stop();
    },
  };
}
