import { createLogger } from '../server/logger';
import { createContext } from '../server/create-context';
import { exitOnSignals, loadEnvOrExit } from '../server/lifecycle';
import { startWorkers } from './runtime';

/**
 * `npm run workers`: the BullMQ workers alone, for deployments whose servers run with WORKERS=off.
 * Their realtime messages reach agents through the socket.io Redis Streams adapter, whichever
 * server process holds the agent's socket.
 */
async function main() {
  const config = loadEnvOrExit();
  const logger = createLogger(config.LOG_LEVEL);
  const context = await createContext(config, logger);
  const workers = startWorkers(context.ctx);
  logger.info({ prefix: config.REDIS_PREFIX }, 'workers running');
  exitOnSignals(logger, async () => {
    await workers.close();
    await context.close();
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
