import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import { followUps } from '../../db/schema';
import { Presence } from '../agents/presence';
import { chooseAgent, type AgentCandidate } from './schedule/choose-agent';

// Enough to find the least-loaded of the longest-idle agents without reading a whole floor.
const CANDIDATES = 50;

/** Available agents of a queue with their available-since, from the pool's zsets (server/routing/agent-pool.ts). */
async function availableAgents(ctx: AppContext, queueId: string): Promise<AgentCandidate[]> {
  const p = ctx.config.REDIS_PREFIX;
  const [members, generalists] = await Promise.all([
    ctx.redis.zrange(`${p}:avail:${queueId}`, 0, CANDIDATES - 1, 'WITHSCORES'),
    ctx.redis.zrange(`${p}:avail:*`, 0, CANDIDATES - 1, 'WITHSCORES'),
  ]);
  const since = new Map<string, number>();
  for (const flat of [members, generalists]) {
    for (let i = 0; i < flat.length; i += 2) since.set(flat[i]!, Number(flat[i + 1]));
  }
  return [...since].map(([id, availableSince]) => ({ id, availableSince }));
}

export type Recipient = { userId: string; why: 'owner' | 'queue' | 'owner-away' };

/**
 * Who is offered a due follow-up: its owner when available; else the available agent of its queue
 * holding the fewest open follow-ups (longest idle first; generalists serve every queue); else,
 * for an agent's own follow-up, the owner anyway — stored and replayed when they next connect.
 * A queue's follow-up with nobody available gets null: it waits for the next available agent.
 * "Available" is the pool's state, which keeps an agent whose sockets just dropped for a grace period.
 */
export async function findRecipient(ctx: AppContext, owner: { assigneeId: string | null }, queueId: string): Promise<Recipient | null> {
  if (owner.assigneeId) {
    const presence = new Presence(ctx.redis, ctx.config.REDIS_PREFIX);
    if ((await presence.get(owner.assigneeId)).state === 'available') return { userId: owner.assigneeId, why: 'owner' };
  }
  const candidates = await availableAgents(ctx, queueId);
  if (candidates.length > 0) {
    const loads = await ctx.db
      .select({ agentId: followUps.offeredTo, open: sql<number>`count(*)::int` })
      .from(followUps)
      .where(and(eq(followUps.status, 'offered'), inArray(followUps.offeredTo, candidates.map((c) => c.id))))
      .groupBy(followUps.offeredTo);
    const chosen = chooseAgent(candidates, new Map(loads.map((l) => [l.agentId!, l.open])));
    if (chosen) return { userId: chosen, why: 'queue' };
  }
  return owner.assigneeId ? { userId: owner.assigneeId, why: 'owner-away' } : null;
}
