import type { Redis } from 'ioredis';
import type { Env } from './config/env';
import type { Database, DatabaseHandle } from '../db/client';
import type { Logger } from './logger';
import type { Realtime } from './realtime/realtime';
import type { JobClient } from '../workers/client';
import type { LoginThrottle } from './auth/login-throttle';

/** Everything a domain service needs, built once per process by createSwitchboard(). */
export interface AppContext {
  config: Env;
  db: Database;
  database: DatabaseHandle;
  /** Commands and small reads; never used for blocking calls. */
  redis: Redis;
  logger: Logger;
  realtime: Realtime;
  jobs: JobClient;
  loginThrottle: LoginThrottle;
}
