import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, uniquePrefix, type TestDatabase } from '../support/test-db';
import { connectClient, createUser, login, nextEvent, startTestServer, type TestServer } from '../support/test-server';
import { postCti } from '../support/api';

let db: TestDatabase;
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  db = await createTestDatabase('twoproc');
  const shared = { REDIS_PREFIX: uniquePrefix('two'), CTI_TOKEN: 'cti-two' };
  a = await startTestServer(db.url, shared);
  b = await startTestServer(db.url, shared);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await db?.drop();
});

describe('two server processes on one PostgreSQL and Redis', () => {
  it('a webhook to one process pops on an agent connected to the other, and state follows', async () => {
    const agent = await createUser(a.sb, { role: 'agent' });
    const { token } = await login(b.url, agent.email, agent.password);
    const socket = await connectClient(b.url, { token });
    await socket.emitWithAck('agent:status', { status: 'available' });

    const callId = randomUUID();
    const popped = nextEvent(socket, 'call:pop');
    expect(await postCti(a.url, 'cti-two', { event: 'newCall', from: '+14155550199', to: '+15005550006', direction: 'in', callId })).toBe(200);
    const pop = await popped;
    expect(pop.from).toBe('+14155550199');

    const answered = nextEvent(socket, 'call:state', (e) => e.state === 'answered');
    await postCti(b.url, 'cti-two', { event: 'answer', from: '+14155550199', to: '+15005550006', direction: 'in', callId, user: agent.email });
    await answered;
    const completed = nextEvent(socket, 'call:state', (e) => e.state === 'completed');
    await postCti(a.url, 'cti-two', { event: 'hangup', from: '+14155550199', to: '+15005550006', direction: 'in', callId, cause: 'normalClearing' });
    await completed;
    expect(await a.sb.ctx.realtime.isOnline(agent.id)).toBe(true);
    socket.close();
  });
});
