import { createLogger } from './logger';
import { createSwitchboard } from './app';
import { exitOnSignals, loadEnvOrExit } from './lifecycle';

/** `npm run start` / `npm run dev`: one server process (plus inline workers unless WORKERS=off). */
async function main() {
  const config = loadEnvOrExit();
  const logger = createLogger(config.LOG_LEVEL);
  const dev = process.env.NODE_ENV !== 'production';
  const consoleMode = config.CONSOLE === 'off' ? false : dev ? 'dev' : 'production';
  const switchboard = await createSwitchboard(config, { console: consoleMode, logger });
  const url = await switchboard.listen();
  logger.info({ url, workers: config.WORKERS }, 'switchboard listening');
  exitOnSignals(logger, () => switchboard.close());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
