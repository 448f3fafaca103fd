import type { Redis } from 'ioredis';

const TTL_SECONDS = 6 * 3600;

/** Who saw a call (was offered it or answered it), so every one of them hears its state changes. */
export class CallViewers {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  private key(callId: string) {
    return `${this.prefix}:call-viewers:${callId}`;
  }

  async add(callId: string, userId: string): Promise<void> {
    await this.redis.multi().sadd(this.key(callId), userId).expire(this.key(callId), TTL_SECONDS).exec();
  }

  /** add, then list, in one round trip. */
  async addAndList(callId: string, userId: string): Promise<string[]> {
    const res = await this.redis.multi().sadd(this.key(callId), userId).expire(this.key(callId), TTL_SECONDS).smembers(this.key(callId)).exec();
    const [err, members] = res?.[2] ?? [new Error('call viewers: transaction aborted'), null];
    if (err) throw err;
    return members as string[];
  }

  list(callId: string): Promise<string[]> {
    return this.redis.smembers(this.key(callId));
  }
}

/** Records the viewer and caches the pop in one round trip (after the pop went out). */
export async function rememberPop(redis: Redis, prefix: string, callId: string, userId: string, pop: unknown): Promise<void> {
  const viewers = `${prefix}:call-viewers:${callId}`;
  await redis.multi().sadd(viewers, userId).expire(viewers, TTL_SECONDS).set(`${prefix}:pop:${callId}`, JSON.stringify(pop), 'EX', 3600).exec();
}

/** The pop as sent, kept while the call rings so a reconnecting console gets it again. */
export class PopCache {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  async put(callId: string, pop: unknown): Promise<void> {
    await this.redis.set(`${this.prefix}:pop:${callId}`, JSON.stringify(pop), 'EX', 3600);
  }

  async get<T>(callIds: string[]): Promise<T[]> {
    if (callIds.length === 0) return [];
    const raw = await this.redis.mget(callIds.map((id) => `${this.prefix}:pop:${id}`));
    return raw.filter((r): r is string => r !== null).map((r) => JSON.parse(r) as T);
  }
}
