import { Redis } from 'ioredis';

/** Producers fail fast instead of queueing commands while Redis is away (BullMQ production guide). */
export function producerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
}

/** Workers and blocking readers must wait out a Redis restart rather than give up. */
export function blockingConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}
