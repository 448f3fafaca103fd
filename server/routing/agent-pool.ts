import type { Redis } from 'ioredis';

/**
 * Who takes the next call, kept in Redis so every server process routes from the same floor.
 *   avail:<queueId>   zset agentId → available-since (ms): the longest-idle agent has the lowest score
 *   avail:*           the same for generalist agents (no queue memberships: they serve every queue)
 *   waiting:<queueId> zset callId → priority (queued-at ms, lowered for callers who go first)
 *   agent-queues:<id> the queue ids an agent serves (absent = generalist)
 *   queues            every queue id that has routed a call
 * Matching a call with an agent is one Lua script each way, so a call arriving while an agent
 * becomes available can never leave both waiting.
 */
const OFFER_CALL = `
-- KEYS: none. ARGV: prefix, queueId, callId, score, nowMs
local p, q, call, score, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
redis.call('SADD', p .. ':queues', q)
local best, bestScore = nil, nil
for _, key in ipairs({p .. ':avail:' .. q, p .. ':avail:*'}) do
  local head = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  if #head > 0 and (bestScore == nil or tonumber(head[2]) < bestScore) then
    best, bestScore = head[1], tonumber(head[2])
  end
end
if best == nil then
  redis.call('ZADD', p .. ':waiting:' .. q, score, call)
  return false
end
redis.call('ZREM', p .. ':avail:*', best)
for _, mq in ipairs(redis.call('SMEMBERS', p .. ':agent-queues:' .. best)) do
  redis.call('ZREM', p .. ':avail:' .. mq, best)
end
redis.call('HSET', p .. ':agent:' .. best, 'state', 'busy', 'since', now, 'call', call)
return best
`;

const AGENT_AVAILABLE = `
-- ARGV: prefix, agentId, nowMs, generalist (1|0), queueIds...
local p, agent, now, generalist = ARGV[1], ARGV[2], ARGV[3], ARGV[4] == '1'
local queues = {}
if generalist then
  queues = redis.call('SMEMBERS', p .. ':queues')
else
  for i = 5, #ARGV do queues[#queues + 1] = ARGV[i] end
end
local bestCall, bestScore, bestQueue = nil, nil, nil
for _, q in ipairs(queues) do
  local head = redis.call('ZRANGE', p .. ':waiting:' .. q, 0, 0, 'WITHSCORES')
  if #head > 0 and (bestScore == nil or tonumber(head[2]) < bestScore) then
    bestCall, bestScore, bestQueue = head[1], tonumber(head[2]), q
  end
end
redis.call('DEL', p .. ':agent-queues:' .. agent)
if not generalist and #queues > 0 then redis.call('SADD', p .. ':agent-queues:' .. agent, unpack(queues)) end
if bestCall ~= nil then
  redis.call('ZREM', p .. ':waiting:' .. bestQueue, bestCall)
  redis.call('HSET', p .. ':agent:' .. agent, 'state', 'busy', 'since', now, 'call', bestCall)
  return {bestCall, bestQueue}
end
if generalist then
  redis.call('ZADD', p .. ':avail:*', now, agent)
else
  for _, q in ipairs(queues) do redis.call('ZADD', p .. ':avail:' .. q, now, agent) end
end
redis.call('HSET', p .. ':agent:' .. agent, 'state', 'available', 'since', now, 'call', '')
return false
`;

const AGENT_UNAVAILABLE = `
-- ARGV: prefix, agentId, state, nowMs
local p, agent, state, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
redis.call('ZREM', p .. ':avail:*', agent)
for _, q in ipairs(redis.call('SMEMBERS', p .. ':agent-queues:' .. agent)) do
  redis.call('ZREM', p .. ':avail:' .. q, agent)
end
local previous = redis.call('HGET', p .. ':agent:' .. agent, 'state')
redis.call('HSET', p .. ':agent:' .. agent, 'state', state, 'since', now)
return previous
`;

type Scripted = Redis & {
  sbOfferCall(...args: string[]): Promise<string | null>;
  sbAgentAvailable(...args: string[]): Promise<[string, string] | null>;
  sbAgentUnavailable(...args: string[]): Promise<string | null>;
};

export class AgentPool {
  private readonly redis: Scripted;

  constructor(redis: Redis, private readonly prefix: string) {
    if (!('sbOfferCall' in redis)) {
      redis.defineCommand('sbOfferCall', { numberOfKeys: 0, lua: OFFER_CALL });
      redis.defineCommand('sbAgentAvailable', { numberOfKeys: 0, lua: AGENT_AVAILABLE });
      redis.defineCommand('sbAgentUnavailable', { numberOfKeys: 0, lua: AGENT_UNAVAILABLE });
    }
    this.redis = redis as Scripted;
  }

  /** Offers a new call to the longest-idle available agent of its queue, or queues it. */
  async offerCall(queueId: string, callId: string, priority: number, now = new Date()): Promise<string | null> {
    return this.redis.sbOfferCall(this.prefix, queueId, callId, String(priority), String(now.getTime()));
  }

  /**
   * The agent is ready: returns the oldest waiting call of their queues (now theirs), or null after
   * adding them to the available pool. `queueIds` empty = a generalist serving every queue.
   */
  async agentAvailable(agentId: string, queueIds: string[], now = new Date()): Promise<{ callId: string; queueId: string } | null> {
    const res = await this.redis.sbAgentAvailable(this.prefix, agentId, String(now.getTime()), queueIds.length ? '0' : '1', ...queueIds);
    return res ? { callId: res[0], queueId: res[1] } : null;
  }

  /** Takes the agent out of the pool with the given state; returns the previous state. */
  async agentUnavailable(agentId: string, state: 'away' | 'wrap_up' | 'busy' | 'offline', now = new Date()): Promise<string | null> {
    return this.redis.sbAgentUnavailable(this.prefix, agentId, state, String(now.getTime()));
  }

  /** A waiting call that ended before anyone took it. */
  async removeWaiting(queueId: string, callId: string): Promise<boolean> {
    return (await this.redis.zrem(`${this.prefix}:waiting:${queueId}`, callId)) === 1;
  }

  async waitingCalls(queueId: string): Promise<Array<{ callId: string; score: number }>> {
    const flat = await this.redis.zrange(`${this.prefix}:waiting:${queueId}`, 0, -1, 'WITHSCORES');
    const out: Array<{ callId: string; score: number }> = [];
    for (let i = 0; i < flat.length; i += 2) out.push({ callId: flat[i]!, score: Number(flat[i + 1]) });
    return out;
  }
}
