import { createServer, type IncomingMessage, type Server } from 'node:http';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { connectClient, createUser, login, nextEvent, startTestServer, type TestServer } from '../support/test-server';
import { postTwilio } from '../support/providers';
import { twilioSid, twilioVoiceParams } from '../../telephony/twilio/fixtures/build';

const PUBLIC = 'https://console.example.test';
const TOKEN = 'twilio-redirect-token';
const ACCOUNT = 'AC00000000000000000000000000000042';
let db: TestDatabase;
let server: TestServer;
let standIn: Server;
const requests: Array<{ url: string; auth: string; body: URLSearchParams }> = [];

/** Twilio's REST API, played locally: records what the server asks of it. */
async function startTwilioStandIn(): Promise<string> {
  standIn = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ url: req.url ?? '', auth: req.headers.authorization ?? '', body: new URLSearchParams(body) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ sid: 'CAxxx', status: 'in-progress' }));
    });
  });
  standIn.listen(0, '127.0.0.1');
  await once(standIn, 'listening');
  const address = standIn.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

beforeAll(async () => {
  db = await createTestDatabase('twredir');
  const apiBase = await startTwilioStandIn();
  server = await startTestServer(db.url, { PUBLIC_BASE_URL: PUBLIC, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_ACCOUNT_SID: ACCOUNT, TWILIO_API_BASE_URL: apiBase });
});
afterAll(async () => {
  await server?.close();
  standIn?.close();
  await db?.drop();
});

describe('a Twilio caller held in the queue', () => {
  it('is redirected to the agent who becomes available, through the REST API', async () => {
    const callSid = twilioSid('CA', randomUUID());
    const voice = await postTwilio(server.url, { publicBaseUrl: PUBLIC, authToken: TOKEN, path: '/webhooks/twilio/voice', params: twilioVoiceParams({ callSid, from: '+14155550161', to: '+15005550006' }) });
    expect(voice.body).toContain('<Enqueue');

    const agent = await createUser(server.sb, { role: 'agent' });
    const { token } = await login(server.url, agent.email, agent.password);
    const socket = await connectClient(server.url, { token });
    const popped = nextEvent(socket, 'call:pop');
    await socket.emitWithAck('agent:status', { status: 'available' });
    expect((await popped).providerCallId).toBe(callSid);

    await expect.poll(() => requests.length, { timeout: 5000 }).toBe(1);
    const [request] = requests;
    expect(request!.url).toBe(`/2010-04-01/Accounts/${ACCOUNT}/Calls/${callSid}.json`);
    expect(Buffer.from(request!.auth.replace('Basic ', ''), 'base64').toString()).toBe(`${ACCOUNT}:${TOKEN}`);
    const twiml = request!.body.get('Twiml') ?? '';
    expect(twiml).toContain('<Dial');
    expect(twiml).toContain(`agent-${agent.id}`);
    expect(twiml).toContain(`${PUBLIC}/webhooks/twilio/status`);
    await socket.emitWithAck('agent:status', { status: 'away' });
    socket.close();
  });
});
