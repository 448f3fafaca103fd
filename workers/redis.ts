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

/**
 * Producers refuse commands until connected (no offline queue), so boot waits for the first
 * connect. Resolves false after `timeoutMs` without one: the server still starts and serves what
 * needs only PostgreSQL (the API, stored webhooks), and Redis-backed parts recover on reconnect.
 */
export async function waitUntilReady(redis: Redis, timeoutMs = 5_000): Promise<boolean> {
  if (redis.status === 'ready') return true;
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      resolve(false);
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    redis.once('ready', onReady);
  });
}
