/**
 * `npm run demo`: one command from a fresh clone to a running console. Starts (or reuses)
 * PostgreSQL and Redis, migrates, seeds an empty database, builds the console once, and serves it
 * with the workers inline. Ctrl-C stops what it started, in order: server, PostgreSQL, Redis.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateDatabase } from '../db/migrate';
import { createDatabase } from '../db/client';
import { DEMO_CALLERS, isSeeded, seedDatabase, SALES_NUMBER, SUPPORT_CN_NUMBER } from '../db/seed';
import { ensureConsoleBuild } from './demo/console-build';
import { freePort } from './demo/ports';
import { startDemoPostgres, type DemoPostgres } from './demo/postgres';
import { RedisMissingError, startDemoRedis, type DemoRedis } from './demo/redis';
import { applyDemoSecrets } from './demo/secrets';
import { printBanner } from './demo/banner';
import { startCallSimulator, type CallSimulator } from './demo/call-simulator';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.log(`[demo] ${line}`);

const stops: Array<() => Promise<void>> = [];
let stopping: Promise<void> | undefined;

function shutdown(signal: string, code = 0): Promise<void> {
  stopping ??= (async () => {
    log(`${signal}: shutting down…`);
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    // Last started, first stopped: simulator, server, PostgreSQL, Redis.
    for (const stop of stops.reverse()) {
      await stop().catch((err: unknown) => console.error(`[demo] shutdown step failed: ${err instanceof Error ? err.message : String(err)}`));
    }
    log('stopped');
    process.exit(code);
  })();
  return stopping;
}

async function main() {
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, () => void shutdown(s));

  const pg: DemoPostgres = await startDemoPostgres(projectRoot, log);
  stops.push(() => pg.stop());
  const redis: DemoRedis = await startDemoRedis(log);
  stops.unshift(() => redis.stop()); // stopped after PostgreSQL

  await migrateDatabase(pg.url);
  log('migrations applied');

  const database = createDatabase(pg.url, { max: 2 });
  let seeded: 'now' | 'before' = 'before';
  try {
    if (!(await isSeeded(database))) {
      log('empty database: seeding demo data…');
      const result = await seedDatabase(database, { progress: true, log });
      log(`seeded in ${(result.elapsedMs / 1000).toFixed(1)} s`);
      seeded = 'now';
    }
  } finally {
    await database.close();
  }

  process.env.DATABASE_URL = pg.url;
  process.env.REDIS_URL = redis.url;
  process.env.LOG_LEVEL ||= 'warn'; // keep the banner readable; LOG_LEVEL=info npm run demo for the server's logs
  if (!process.env.PORT?.trim()) process.env.PORT = String(await freePort(3000));
  const keys = applyDemoSecrets(process.env);

  const withConsole = await ensureConsoleBuild(projectRoot, log);
  (process.env as Record<string, string>).NODE_ENV = 'production'; // the built console is served by Next in production mode

  // Imported only now: the env module and Next read process.env as it is set above.
  const [{ env, resetEnvCache }, { createSwitchboard }, { createLogger }] = await Promise.all([
    import('../server/config/env'),
    import('../server/app'),
    import('../server/logger'),
  ]);
  resetEnvCache();
  const config = env();
  const switchboard = await createSwitchboard(config, { console: withConsole ? 'production' : false, workers: true, logger: createLogger(config.LOG_LEVEL) });
  stops.push(() => switchboard.close());
  const url = await switchboard.listen();
  printBanner(url, { console: withConsole, seeded });

  const simulator: CallSimulator = await startCallSimulator(url, {
    config,
    callers: DEMO_CALLERS,
    numbers: { sales: SALES_NUMBER, supportCn: SUPPORT_CN_NUMBER },
    telnyxPrivateKey: keys.telnyxPrivateKey,
    log,
  });
  stops.push(() => simulator.stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof RedisMissingError ? err.message : `[demo] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  void shutdown('error', 1);
});
