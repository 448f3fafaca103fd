import { EnvError, env, type Env } from './config/env';
import type { Logger } from './logger';

/** The environment for an entry point; a bad value prints the message naming it and exits 1. */
export function loadEnvOrExit(): Env {
  try {
    return env();
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

// Longer than any in-flight webhook or job should take; a stuck close must not hang a deploy.
const FORCE_EXIT_MS = 15_000;

/** SIGTERM/SIGINT: close once, exit 0 on success, 1 on failure or after FORCE_EXIT_MS. */
export function exitOnSignals(logger: Logger, close: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), FORCE_EXIT_MS).unref();
    close().then(
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
