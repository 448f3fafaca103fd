import type { Redis } from 'ioredis';
import type { AgentState } from '../realtime/events';

/** Agent state lives in Redis so every server process sees the same floor. */
export class Presence {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  private key(agentId: string) {
    return `${this.prefix}:agent:${agentId}`;
  }

  async get(agentId: string): Promise<{ state: AgentState; since: Date }> {
    const [state, since] = await this.redis.hmget(this.key(agentId), 'state', 'since');
    return { state: (state as AgentState | null) ?? 'offline', since: new Date(Number(since ?? Date.now())) };
  }

  /** Sets the state; returns the previous one. */
  async set(agentId: string, state: AgentState, now = new Date()): Promise<AgentState> {
    const [[, previous]] = (await this.redis
      .multi()
      .hget(this.key(agentId), 'state')
      .hset(this.key(agentId), 'state', state, 'since', String(now.getTime()))
      .exec()) as [[Error | null, string | null]];
    return (previous as AgentState | null) ?? 'offline';
  }
}
