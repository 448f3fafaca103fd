import { createServer } from 'node:http';
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { Realtime } from '../../server/realtime/realtime';
import { blockingConnection } from '../../workers/redis';
import { TEST_REDIS_URL } from '../support/services';
import { clearPrefix } from '../support/test-server';
import { uniquePrefix } from '../support/test-db';

const prefix = uniquePrefix('rtclose');
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

afterEach(async () => {
  process.off('unhandledRejection', onRejection);
  await clearPrefix(prefix);
});

/** Each adapter subscribes on a client of its own shortly after start; a server that is closing has long done so. */
async function adapterSubscribed(redis: Redis, servers: number): Promise<void> {
  for (;;) {
    const [, count] = (await redis.pubsub('NUMSUB', `${prefix}:socket.io#/#`)) as [string, number];
    if (count >= servers) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('Realtime.close', () => {
  it.each([
    ['attached to an HTTP server', true],
    ['broadcasting only (npm run workers)', false],
  ])('%s: a presence query under way when closing starts settles, and quitting Redis after it rejects nothing', async (_name, attached) => {
    process.on('unhandledRejection', onRejection);
    const redis = blockingConnection(TEST_REDIS_URL);
    await new Promise((resolve) => redis.once('ready', resolve));
    const http = attached ? createServer() : undefined;
    const realtime = new Realtime(redis, prefix, http);
    // A second server process on the same prefix, so the query really goes out to another process.
    const peerRedis = blockingConnection(TEST_REDIS_URL);
    const peer = new Realtime(peerRedis, prefix, createServer());
    await adapterSubscribed(redis, 2);

    // Asked the moment a server starts shutting down, as a socket that just dropped does.
    const online = realtime.isOnline('00000000-0000-0000-0000-000000000001');
    await realtime.close();
    await redis.quit();
    expect(await online).toBe(false);
    // A query after closing answers from this process alone instead of publishing on a quit client.
    expect(await realtime.isOnline('00000000-0000-0000-0000-000000000001')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(rejections).toEqual([]);
    await peer.close();
    await peerRedis.quit();
  });
});
