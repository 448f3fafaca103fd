import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { connectClient, createUser, login, startTestServer, type TestServer } from '../support/test-server';
import { createLogger } from '../../server/logger';

const lines: string[] = [];
const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  db = await createTestDatabase('logs');
  server = await startTestServer(db.url, { API_TOKEN: 'api-token-that-must-not-leak', CTI_TOKEN: 'cti-token-that-must-not-leak' }, { logger: createLogger('trace', sink) });
});
afterAll(async () => {
  await server?.close();
  await db?.drop();
});

describe('logs', () => {
  it('never contain passwords, session tokens, API or provider secrets', async () => {
    const agent = await createUser(server.sb, { role: 'agent', password: 'password-that-must-not-leak' });
    await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: agent.email, password: 'wrong-password-that-must-not-leak' }) });
    const { token } = await login(server.url, agent.email, 'password-that-must-not-leak');
    await fetch(`${server.url}/api/users`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    await fetch(`${server.url}/api/users`, { method: 'POST', headers: { authorization: 'Bearer api-token-that-must-not-leak', 'content-type': 'application/json' }, body: JSON.stringify({ email: 'x', password: 'new-user-password-that-must-not-leak' }) });
    await fetch(`${server.url}/webhooks/cti?token=wrong-cti-token-that-must-not-leak`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    (await connectClient(server.url, { token })).close();
    await expect(connectClient(server.url, { token: 'forged-token-that-must-not-leak' })).rejects.toThrow();
    const output = lines.join('');
    expect(output.length).toBeGreaterThan(0);
    expect(output).not.toContain('must-not-leak');
    expect(output).not.toContain(token);
  });
});
