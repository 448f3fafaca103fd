import { env, EnvError } from '../server/config/env';
import { createLogger } from '../server/logger';
import { createContext } from '../server/create-context';
import { startWorkers } from './runtime';

/**
 * `npm run workers`: the BullMQ workers alone, for deployments whose servers run with WORKERS=off.
 * Their realtime messages reach agents through the socket.io Redis Streams adapter, whichever
 * server process holds the agent's socket.
 */
async function main() {
  let config;
  try {
    config = env();
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const context = await createContext(config, logger);
  const workers = startWorkers(context.ctx);
  logger.info({ prefix: config.REDIS_PREFIX }, 'workers running');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'workers shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    workers
      .close()
      .then(() => context.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
