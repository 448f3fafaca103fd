import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, uniquePrefix, type TestDatabase } from '../support/test-db';
import { clearPrefix, connectClient, login, nextEvent } from '../support/test-server';
import { apiClient } from '../support/api';
import { TEST_REDIS_URL } from '../support/services';
import { hashPassword } from '../../server/auth/password';
import postgres from 'postgres';

let db: TestDatabase;
const prefix = uniquePrefix('proc');
const children: ChildProcess[] = [];

/** `npm start` / `npm run workers` as real processes (tsx, as the scripts run them). */
function start(entry: string, env: Record<string, string>): { child: ChildProcess; ready: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const lines = readline.createInterface({ input: child.stdout! });
  const ready = new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${entry} exited early with ${code}`)));
    lines.on('line', (line) => {
      const msg = (() => { try { return JSON.parse(line) as { msg?: string; url?: string }; } catch { return {}; } })();
      if (msg.msg === 'switchboard listening' && msg.url) resolve(msg.url);
      if (msg.msg === 'workers running') resolve('workers');
    });
  });
  return { child, ready };
}

beforeAll(async () => {
  db = await createTestDatabase('procs');
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await clearPrefix(prefix);
  await db?.drop();
});

describe('server and worker processes', () => {
  it('a WORKERS=off server and an `npm run workers` process deliver a due follow-up, and both stop cleanly on SIGTERM', async () => {
    const server = start('server/main.ts', { PORT: '0', WORKERS: 'off', CONSOLE: 'off', API_TOKEN: 'proc-token' });
    const workers = start('workers/main.ts', {});
    const [url] = await Promise.all([server.ready, workers.ready]);

    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    const [agent] = await sql`insert into users (email, name, role, password_hash) values ('proc-agent@example.test', 'Proc Agent', 'agent', ${await hashPassword('proc-password-1')}) returning id`;
    await sql.end();
    const { token } = await login(url, 'proc-agent@example.test', 'proc-password-1');
    const socket = await connectClient(url, { token });
    await socket.emitWithAck('agent:status', { status: 'available' });

    const admin = apiClient(url, 'proc-token');
    const customer = await admin.post<{ id: string }>('/api/customers', { name: 'Process Customer', phones: ['+14155550177'] });
    expect(customer.status).toBe(201);
    const due = nextEvent(socket, 'followup:due', () => true, 15_000);
    const created = await admin.post<{ id: string }>('/api/followups', { customerId: customer.body.id, dueAt: new Date(Date.now() + 1000).toISOString(), reason: 'call back about the invoice', assigneeId: agent!.id });
    expect(created.status).toBe(201);
    const event = await due;
    expect(event.followUp.id).toBe(created.body.id);
    expect(event.pop.customer?.name).toBe('Process Customer');
    socket.close();

    server.child.kill('SIGTERM');
    workers.child.kill('SIGTERM');
    const [[serverCode], [workersCode]] = await Promise.all([once(server.child, 'exit'), once(workers.child, 'exit')]);
    expect(serverCode).toBe(0);
    expect(workersCode).toBe(0);
  }, 90_000);
});
