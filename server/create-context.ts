import type { Server as HttpServer } from 'node:http';
import type { Env } from './config/env';
import { createDatabase } from '../db/client';
import type { Logger } from './logger';
import { Realtime } from './realtime/realtime';
import { JobClient } from '../workers/client';
import { blockingConnection, producerConnection, waitUntilReady } from '../workers/redis';
import { LoginThrottle } from './auth/login-throttle';
import type { AppContext } from './context';

export interface ContextHandle {
  ctx: AppContext;
  /** Closes what the context opened (after the HTTP server and workers have stopped). */
  close(): Promise<void>;
}

/**
 * The connections every process needs: PostgreSQL, Redis (a producer connection and one for the
 * socket.io stream), the job client and realtime. Without an HTTP server (`npm run workers`) the
 * socket.io server only broadcasts through the adapter to the sockets held by server processes.
 */
export async function createContext(config: Env, logger: Logger, httpServer?: HttpServer): Promise<ContextHandle> {
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is not set (npm run demo starts an embedded PostgreSQL for you)');
  const database = createDatabase(config.DATABASE_URL, { max: 20 });
  const onRedisError = (err: Error) => logger.warn({ err: err.message }, 'redis connection error');
  const redis = producerConnection(config.REDIS_URL, onRedisError);
  const streamsRedis = blockingConnection(config.REDIS_URL, onRedisError);
  if (!(await waitUntilReady(redis))) logger.error({ redis: config.REDIS_URL.replace(/\/\/[^@]*@/, '//***@') }, 'Redis is not answering; starting without it');
  const realtime = new Realtime(streamsRedis, config.REDIS_PREFIX, httpServer);
  const jobs = new JobClient(redis, config.REDIS_PREFIX);
  const ctx: AppContext = {
    config,
    db: database.db,
    database,
    redis,
    logger,
    realtime,
    jobs,
    loginThrottle: new LoginThrottle(redis, config.REDIS_PREFIX),
  };
  return {
    ctx,
    async close() {
      await realtime.close();
      await jobs.close();
      await Promise.allSettled([redis.quit(), streamsRedis.quit()]);
      await database.close();
    },
  };
}
