import type { Redis } from 'ioredis';
import type { CallPop, Segment } from '../realtime/events';

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

/** What the supervisors' list of waiting calls shows of a pop: a few bytes instead of the whole pop. */
export interface WaitingCallSummary {
  from: string | null;
  customerName: string | null;
  segment: Segment | null;
}

const POP_TTL_SECONDS = 3600;

/** Records the viewer and caches the pop in one round trip (after the pop went out). */
export async function rememberPop(redis: Redis, prefix: string, callId: string, userId: string, pop: CallPop): Promise<void> {
  const viewers = `${prefix}:call-viewers:${callId}`;
  await redis.multi().sadd(viewers, userId).expire(viewers, TTL_SECONDS).set(`${prefix}:pop:${callId}`, JSON.stringify(pop), 'EX', POP_TTL_SECONDS).exec();
}

/** The pop as sent, kept while the call rings so a reconnecting console gets it again. */
export class PopCache {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  /**
   * A call that waits for an agent: its pop for whoever is offered it later, and the summary the
   * supervisors' list of waiting calls shows (only route() queues calls, so only it writes one).
   */
  async putWaiting(pop: CallPop): Promise<void> {
    const summary: WaitingCallSummary = { from: pop.from ?? null, customerName: pop.customer?.name ?? null, segment: pop.customer?.segment ?? null };
    await this.redis
      .multi()
      .set(`${this.prefix}:pop:${pop.callId}`, JSON.stringify(pop), 'EX', POP_TTL_SECONDS)
      .set(`${this.prefix}:popsum:${pop.callId}`, JSON.stringify(summary), 'EX', POP_TTL_SECONDS)
      .exec();
  }

  async get<T>(callIds: string[]): Promise<T[]> {
    if (callIds.length === 0) return [];
    const raw = await this.redis.mget(callIds.map((id) => `${this.prefix}:pop:${id}`));
    return raw.filter((r): r is string => r !== null).map((r) => JSON.parse(r) as T);
  }

  /** The summaries of these calls' pops, by call id (calls without a cached pop are left out). */
  async summaries(callIds: string[]): Promise<Map<string, WaitingCallSummary>> {
    const out = new Map<string, WaitingCallSummary>();
    if (callIds.length === 0) return out;
    const raw = await this.redis.mget(callIds.map((id) => `${this.prefix}:popsum:${id}`));
    raw.forEach((r, i) => r !== null && out.set(callIds[i]!, JSON.parse(r) as WaitingCallSummary));
    return out;
  }
}
