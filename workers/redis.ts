import { Redis } from 'ioredis';

// ioredis reconnects by itself; the listener keeps an outage from surfacing as unhandled 'error' events.

/** Producers fail fast instead of queueing commands while Redis is away (BullMQ production guide). */
export function producerConnection(url: string, onError: (err: Error) => void = () => {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false }).on('error', onError);
}

/** Workers and blocking readers must wait out a Redis restart rather than give up. */
export function blockingConnection(url: string, onError: (err: Error) => void = () => {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null }).on('error', onError);
}

/** Producers refuse commands until connected (no offline queue): boot waits for the first connect. */
export async function waitUntilReady(redis: Redis, timeoutMs = 10_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis not ready after ${timeoutMs} ms (is it running? REDIS_URL)`)), timeoutMs);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
