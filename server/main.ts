import { env, EnvError } from './config/env';
import { createLogger } from './logger';
import { createSwitchboard } from './app';

/** `npm run start` / `npm run dev`: one server process (plus inline workers unless WORKERS=off). */
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
  const dev = process.env.NODE_ENV !== 'production';
  const consoleMode = config.CONSOLE === 'off' ? false : dev ? 'dev' : 'production';
  const switchboard = await createSwitchboard(config, { console: consoleMode, logger });
  const url = await switchboard.listen();
  logger.info({ url, workers: config.WORKERS }, 'switchboard listening');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    switchboard.close().then(
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
