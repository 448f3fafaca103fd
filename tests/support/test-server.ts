import { Redis } from 'ioredis';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { parseEnv, type Env } from '../../server/config/env';
import { createSwitchboard, type Switchboard, type SwitchboardOptions } from '../../server/app';
import { createLogger } from '../../server/logger';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/realtime/events';
import { hashPassword } from '../../server/auth/password';
import { users } from '../../db/schema';
import { TEST_REDIS_URL } from './services';
import { uniquePrefix } from './test-db';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer {
  sb: Switchboard;
  url: string;
  config: Env;
  close(): Promise<void>;
}

/** A real Switchboard on port 0 with its own Redis key prefix, against the given database. */
export async function startTestServer(
  databaseUrl: string,
  overrides: Record<string, string> = {},
  options: SwitchboardOptions = {},
): Promise<TestServer> {
  const config = parseEnv({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    HOST: '127.0.0.1',
    PORT: '0',
    REDIS_PREFIX: overrides.REDIS_PREFIX ?? uniquePrefix('srv'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WORKERS: 'inline',
    ...overrides,
  });
  const sb = await createSwitchboard(config, { console: false, logger: createLogger(config.LOG_LEVEL), ...options });
  const url = await sb.listen();
  // PUBLIC_BASE_URL defaults to localhost:PORT; with PORT=0 the real port is known only now.
  return {
    sb,
    url,
    config,
    async close() {
      await sb.close();
      await clearPrefix(config.REDIS_PREFIX);
    },
  };
}

export async function clearPrefix(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

let counter = 0;
/** Inserts a user directly (fast path for tests that are not about the users API). */
export async function createUser(
  sb: Switchboard,
  fields: { role: 'agent' | 'supervisor' | 'complaint_handler' | 'admin'; email?: string; name?: string; password?: string; teamId?: string | null },
) {
  counter += 1;
  const email = fields.email ?? `${fields.role}${counter}-${Date.now()}@example.test`;
  const password = fields.password ?? 'correct horse battery staple';
  const [row] = await sb.ctx.db
    .insert(users)
    .values({ email, name: fields.name ?? `${fields.role} ${counter}`, role: fields.role, passwordHash: await hashPassword(password), teamId: fields.teamId ?? null })
    .returning();
  return { ...row!, password };
}

export async function login(url: string, email: string, password: string): Promise<{ token: string; cookie: string; user: { id: string; role: string } }> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { token: string; user: { id: string; role: string } };
  const cookie = (res.headers.getSetCookie().find((c) => c.startsWith('sb_session=')) ?? '').split(';')[0]!;
  return { ...body, cookie };
}

/** A connected socket.io client; rejects with the server's connect_error message. */
export function connectClient(url: string, auth: { token?: string; cookie?: string }): Promise<ClientSocket> {
  return new Promise((resolve, reject) => {
    const socket: ClientSocket = connectSocket(url, {
      transports: ['websocket'],
      auth: auth.token ? { token: auth.token } : {},
      extraHeaders: auth.cookie ? { cookie: auth.cookie } : undefined,
      reconnection: false,
      forceNew: true,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Resolves with the next `event` payload matching `predicate`, or rejects after `timeoutMs`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  predicate: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  timeoutMs = 5000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler as never);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    const handler = (payload: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler as never);
      resolve(payload);
    };
    socket.on(event, handler as never);
  });
}
