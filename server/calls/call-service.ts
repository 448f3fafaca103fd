import type { AppContext } from '../context';
import type { DomainBus } from '../events/bus';
import type { NormalisedCallEvent } from '../../telephony/types';
import type { AgentState, CallPop, PopBody } from '../realtime/events';
import { AgentPool } from '../routing/agent-pool';
import { buildPopForPhone } from '../pop/build-pop';
import { normalisePhone } from '../phones/normalise-phone';
import { applyEventToCall, type AppliedCallEvent } from './apply-call-event';
import { resolveQueue, type RoutedQueue } from './resolve-queue';
import { CallViewers, PopCache, rememberPop } from './call-viewers';
import { QueueCache } from './queue-cache';
import { RecentCalls } from './recent-calls';
import { LRUCache } from 'lru-cache';
import type { CallRow } from './call-row';
import { callPriority } from './call-priority';
import { connectWaitingTwilioCall } from './connect-waiting-twilio-call';

export interface HandledCallEvent {
  callId: string;
  state: CallRow['state'];
  /** The agent the call is offered to right now, if any (the Twilio voice answer dials them). */
  offeredAgentId: string | null;
  /** The stored provider event is already marked processed (with the call write): no separate update. */
  eventMarked?: boolean;
  /** Where that agent is dialled (read in the same round trip as the routing write), when known. */
  offeredAgentDial?: { id: string; dial_identity: string | null; phone: string | null } | null;
}

/**
 * The caller's pop and the queue, started as soon as a ringing event is parsed, so they run
 * while the event is stored and the call inserted instead of after: two round trips fewer
 * between the webhook and the pop. Read-only; wasted only on a repeat delivery.
 */
export interface RoutePrefetch {
  from: string;
  to: string;
  queue: Promise<RoutedQueue>;
  pop: Promise<PopBody>;
}

const AGENT_QUEUES_TTL_MS = 30_000;

/**
 * Calls: applies provider events, routes new calls to the longest-idle available agent of their
 * queue, pops the customer on that agent's screens and tells everyone who saw a call how it went.
 */
export class CallService {
  readonly pool: AgentPool;
  readonly viewers: CallViewers;
  readonly pops: PopCache;
  private readonly queueCache: QueueCache;
  private readonly recent = new RecentCalls();
  private readonly agentQueueCache = new LRUCache<string, string[]>({ max: 10_000, ttl: AGENT_QUEUES_TTL_MS });
  /** Set by the agent-status service: the call flow changed an agent's state. */
  onAgentMoved: (agentId: string, previous: AgentState) => Promise<void> = async () => {};

  constructor(private readonly ctx: AppContext, private readonly bus: DomainBus) {
    this.pool = new AgentPool(ctx.redis, ctx.config.REDIS_PREFIX);
    this.viewers = new CallViewers(ctx.redis, ctx.config.REDIS_PREFIX);
    this.pops = new PopCache(ctx.redis, ctx.config.REDIS_PREFIX);
    this.queueCache = new QueueCache((number) => resolveQueue(ctx.db, number));
  }

  private e164(raw: string): string {
    const n = normalisePhone(raw, this.ctx.config.DEFAULT_REGION);
    return n.ok ? n.e164 : raw;
  }

  /** For a ringing event: starts the queue and pop lookups now (see RoutePrefetch). */
  prefetch(event: NormalisedCallEvent): RoutePrefetch | undefined {
    if (event.kind !== 'ringing') return undefined;
    const from = this.e164(event.from);
    const to = this.e164(event.to);
    const prefetch = { from, to, queue: this.queueCache.get(to), pop: buildPopForPhone(this.ctx.database.sql, from) };
    // Unused after a repeat delivery: a failure then must not become an unhandled rejection.
    prefetch.queue.catch(() => {});
    prefetch.pop.catch(() => {});
    return prefetch;
  }

  /**
   * `storedEventId`: the provider event as stored; it is marked processed with the call write when
   * that happens (a failure after it is recorded over it, as before: see handleWebhook).
   */
  async handle(event: NormalisedCallEvent, prefetch?: RoutePrefetch, storedEventId?: number): Promise<HandledCallEvent> {
    const applied = await applyEventToCall(this.ctx.database.sql, event, { from: prefetch?.from ?? this.e164(event.from), to: prefetch?.to ?? this.e164(event.to) }, storedEventId, this.recent);
    const { call } = applied;
    if (applied.created && call.state === 'ringing') return { ...(await this.route(call, prefetch)), eventMarked: applied.eventMarked };
    if (applied.transition.changed) await this.afterTransition(applied);
    return { callId: call.id, state: call.state, offeredAgentId: call.offered_agent_id, eventMarked: applied.eventMarked };
  }

  /** A new call: find the caller and the queue, offer it to an agent or let it wait. */
  private async route(call: CallRow, prefetch?: RoutePrefetch): Promise<HandledCallEvent> {
    const sql = this.ctx.database.sql;
    const warm = prefetch && prefetch.from === call.from_number && prefetch.to === call.to_number ? prefetch : undefined;
    const [queue, pop] = await Promise.all([warm?.queue ?? this.queueCache.get(call.to_number), warm?.pop ?? buildPopForPhone(sql, call.from_number)]);
    const now = new Date();
    const agentId = await this.pool.offerCall(queue.id, call.id, callPriority(call.started_at, pop.customer?.segment ?? null, queue.prioritiseGold), now);
    const callPop = this.toCallPop(call, queue, pop);
    if (agentId) this.ctx.realtime.toUser(agentId, 'call:pop', callPop);
    // After the pop went out, in parallel: the viewer and cached pop in Redis, the routing in the
    // row (which also reads where the Twilio voice answer dials the agent: one round trip, not two).
    type RoutedRow = CallRow & { dial_user_id: string | null; dial_identity: string | null; phone: string | null };
    const [, [routed]] = await Promise.all([
      agentId ? rememberPop(this.ctx.redis, this.ctx.config.REDIS_PREFIX, call.id, agentId, callPop) : this.pops.putWaiting(callPop), // waiting: offered later from the cache
      sql<RoutedRow[]>`
        with routed as (
          update calls set queue_id = ${queue.id}, customer_id = ${pop.customer?.id ?? null},
            offered_agent_id = ${agentId}, offered_at = ${agentId ? now : null}, queued_at = ${agentId ? null : now}
          where id = ${call.id}
          returning *
        )
        select r.*, u.id as dial_user_id, u.dial_identity, u.phone from routed r left join users u on u.id = ${agentId}`,
    ]);
    let row: CallRow | undefined;
    let dial: { id: string; dial_identity: string | null; phone: string | null } | null = null;
    if (routed) {
      const { dial_user_id: dialUserId, dial_identity: dialIdentity, phone, ...written } = routed;
      row = written;
      if (dialUserId) dial = { id: dialUserId, dial_identity: dialIdentity, phone };
      this.recent.remember(row);
    }
    this.bus.emit('call.changed', { callId: call.id, queueId: queue.id, state: 'ringing', at: now, ...(row && { row }) });
    return { callId: call.id, state: 'ringing', offeredAgentId: agentId, offeredAgentDial: agentId ? dial : null };
  }

  private toCallPop(call: CallRow, queue: RoutedQueue, pop: PopBody): CallPop {
    return { callId: call.id, provider: call.provider, providerCallId: call.provider_call_id, from: call.from_number, to: call.to_number, queue: queue.name, startedAt: call.started_at.toISOString(), ...pop };
  }

  private async sendPop(agentId: string, pop: CallPop): Promise<void> {
    this.ctx.realtime.toUser(agentId, 'call:pop', pop);
    await rememberPop(this.ctx.redis, this.ctx.config.REDIS_PREFIX, pop.callId, agentId, pop);
  }

  /** An agent became free and the pool handed them a call that was waiting. */
  async offerWaitingCall(agentId: string, callId: string): Promise<void> {
    const sql = this.ctx.database.sql;
    const now = new Date();
    const [call] = await sql<CallRow[]>`
      update calls set offered_agent_id = ${agentId}, offered_at = ${now}
      where id = ${callId} and state = 'ringing' returning *`;
    if (call) this.recent.remember(call);
    if (!call) {
      // It ended in the meantime: the agent is free again.
      await this.agentReady(agentId, await this.agentQueues(agentId));
      return;
    }
    const [cached] = await this.pops.get<CallPop>([callId]);
    if (cached) await this.sendPop(agentId, cached);
    // Twilio holds the caller in <Enqueue>: ring the agent now (the other providers' PBX routes itself).
    if (call.provider === 'twilio') void connectWaitingTwilioCall(this.ctx, agentId, call.provider_call_id);
    this.ctx.realtime.toUser(agentId, 'call:state', { callId, state: 'ringing', agentId, at: now.toISOString() });
    this.bus.emit('call.changed', { callId, queueId: call.queue_id, state: 'ringing', at: now, row: call });
  }

  private async afterTransition({ call, previousState, transition }: AppliedCallEvent): Promise<void> {
    const at = (transition.endedAt ?? transition.answeredAt ?? new Date()).toISOString();
    const agentId = call.answered_agent_id ?? call.offered_agent_id ?? undefined;
    let viewers: string[] | undefined;
    if (call.state === 'answered' && call.answered_agent_id) {
      await this.agentUnavailable(call.answered_agent_id, 'busy');
      viewers = await this.viewers.addAndList(call.id, call.answered_agent_id);
      // Answered elsewhere than offered: the offered agent is free again.
      if (call.offered_agent_id && call.offered_agent_id !== call.answered_agent_id) {
        const offered = call.offered_agent_id;
        await this.moveAgent(offered, async () => this.agentReady(offered, await this.agentQueues(offered)));
      }
    }
    if (call.state === 'completed' && previousState === 'answered' && call.answered_agent_id) {
      await this.agentUnavailable(call.answered_agent_id, 'wrap_up');
    }
    if (call.state === 'missed' && call.offered_agent_id) {
      const offered = call.offered_agent_id;
      await this.moveAgent(offered, async () => this.agentReady(offered, await this.agentQueues(offered)));
    }
    // Ended while waiting, or answered straight from the queue (a PBX agent picked it up): it no longer waits.
    if (call.queue_id && call.queued_at && call.state !== 'ringing') await this.pool.removeWaiting(call.queue_id, call.id);

    const event = { callId: call.id, state: call.state, ...(agentId && { agentId }), at };
    for (const viewer of viewers ?? (await this.viewers.list(call.id))) this.ctx.realtime.toUser(viewer, 'call:state', event);
    this.bus.emit('call.changed', { callId: call.id, queueId: call.queue_id, state: call.state, at: new Date(at), row: call });
  }

  /** Busy or wrap-up: the pool's script hands back the state it replaced, no separate read. */
  private async agentUnavailable(agentId: string, state: 'busy' | 'wrap_up'): Promise<void> {
    const previous = await this.pool.agentUnavailable(agentId, state);
    await this.onAgentMoved(agentId, (previous as AgentState | null) ?? 'offline');
  }

  private async moveAgent(agentId: string, move: () => Promise<unknown>): Promise<void> {
    const [previous] = await this.ctx.redis.hmget(`${this.ctx.config.REDIS_PREFIX}:agent:${agentId}`, 'state');
    await move();
    await this.onAgentMoved(agentId, (previous as AgentState | null) ?? 'offline');
  }

  /** Makes the agent available; if a call was waiting for one of their queues, it is theirs now. */
  async agentReady(agentId: string, queueIds: string[]): Promise<void> {
    const waiting = await this.pool.agentAvailable(agentId, queueIds);
    if (waiting) await this.offerWaitingCall(agentId, waiting.callId);
  }

  /**
   * The agent's queues, read at most every AGENT_QUEUES_TTL_MS per agent: asked each time they
   * become free (once per call). Memberships are set when the user is created, so a change made
   * in the database directly shows within that time.
   */
  async agentQueues(agentId: string): Promise<string[]> {
    const known = this.agentQueueCache.get(agentId);
    if (known) return known;
    const rows = await this.ctx.database.sql<Array<{ queue_id: string }>>`select queue_id from user_queues where user_id = ${agentId}`;
    const queueIds = rows.map((r) => r.queue_id);
    this.agentQueueCache.set(agentId, queueIds);
    return queueIds;
  }

  /** Pops of calls still ringing for this agent, for a console that (re)connects. */
  async ringingPopsFor(agentId: string): Promise<CallPop[]> {
    const rows = await this.ctx.database.sql<Array<{ id: string }>>`
      select id from calls where offered_agent_id = ${agentId} and state = 'ringing' and started_at > now() - interval '1 hour'`;
    return this.pops.get<CallPop>(rows.map((r) => r.id));
  }
}
