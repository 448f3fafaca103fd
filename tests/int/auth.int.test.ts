import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { connectClient, createUser, login, startTestServer, type TestServer } from '../support/test-server';

let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  db = await createTestDatabase('auth');
  server = await startTestServer(db.url, { API_TOKEN: 'integration-secret-token' });
});
afterAll(async () => {
  await server?.close();
  await db?.drop();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('login', () => {
  it('returns a token, the user and an httpOnly SameSite session cookie', async () => {
    const agent = await createUser(server.sb, { role: 'agent', name: 'Ada Agent' });
    const res = await post('/api/auth/login', { email: agent.email.toUpperCase(), password: agent.password });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; user: { id: string; name: string; role: string } };
    expect(body.user).toMatchObject({ id: agent.id, name: 'Ada Agent', role: 'agent' });
    expect(body.token.length).toBeGreaterThan(30);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sb_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('answers the same 401 for a wrong password and an unknown user', async () => {
    const agent = await createUser(server.sb, { role: 'agent' });
    const wrong = await post('/api/auth/login', { email: agent.email, password: 'not it' });
    const unknown = await post('/api/auth/login', { email: 'nobody@example.test', password: 'not it' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('rate-limits failed attempts per account with 429 and Retry-After, and never counts successes', async () => {
    const agent = await createUser(server.sb, { role: 'agent' });
    for (let i = 0; i < 3; i++) expect((await post('/api/auth/login', { email: agent.email, password: agent.password })).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await post('/api/auth/login', { email: agent.email, password: 'bad' })).status).toBe(401);
    const limited = await post('/api/auth/login', { email: agent.email, password: agent.password });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('rejects a malformed body with 400 naming the field', async () => {
    const res = await post('/api/auth/login', { email: 'x@example.test' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; details: Array<{ path: string }> };
    expect(body.details.map((d) => d.path)).toContain('password');
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await post('/api/auth/login', { email: 'x', password: 'y'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
  });

  it('logout ends the session', async () => {
    const agent = await createUser(server.sb, { role: 'agent' });
    const { token } = await login(server.url, agent.email, agent.password);
    const auth = { authorization: `Bearer ${token}` };
    expect((await fetch(`${server.url}/api/auth/me`, { headers: auth })).status).toBe(200);
    expect((await post('/api/auth/logout', {}, auth)).status).toBe(200);
    expect((await fetch(`${server.url}/api/auth/me`, { headers: auth })).status).toBe(401);
  });

  it('sets security headers', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('cookie sessions and cross-site requests', () => {
  it('accepts a cookie-authenticated change from our own origin and refuses one from elsewhere', async () => {
    const agent = await createUser(server.sb, { role: 'agent' });
    const { cookie } = await login(server.url, agent.email, agent.password);
    const put = (origin?: string) =>
      fetch(`${server.url}/api/auth/me/locale`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie, ...(origin && { origin }) },
        body: JSON.stringify({ locale: 'zh-CN' }),
      });
    expect((await put(server.url)).status).toBe(200);
    expect((await put('https://evil.example')).status).toBe(403);
    expect((await put()).status).toBe(403);
  });
});

describe('socket.io handshake', () => {
  it('accepts a token and a session cookie, and refuses a handshake without either', async () => {
    const agent = await createUser(server.sb, { role: 'agent' });
    const { token, cookie } = await login(server.url, agent.email, agent.password);
    const byToken = await connectClient(server.url, { token });
    const byCookie = await connectClient(server.url, { cookie });
    expect(byToken.connected && byCookie.connected).toBe(true);
    const ack = await byToken.emitWithAck('agent:status', { status: 'available' });
    expect(ack).toEqual({ ok: true, status: 'available' });
    const bad = await byToken.emitWithAck('agent:status', { status: 'asleep' as never });
    expect(bad.ok).toBe(false);
    byToken.close();
    byCookie.close();
    await expect(connectClient(server.url, {})).rejects.toThrow(/unauthorized/);
    await expect(connectClient(server.url, { token: 'forged' })).rejects.toThrow(/unauthorized/);
  });
});
