/**
 * The physical limit to compare Switchboard with: a minimal Node HTTP server that re-emits each
 * POST over socket.io — no database, no Redis, no signature check, no routing beyond round-robin.
 * The voice webhook becomes `call:pop` to the next connected socket (the "agent"); a status
 * callback becomes `call:state` to the socket that had the call. Started by the bench like the
 * server (`spawnServer({}, { entry: 'bench/relay/bare-relay.ts' })`), it prints the same
 * `{"benchServerUrl": …}` line once it listens on 127.0.0.1.
 */
import http from 'node:http';
import { Server, type Socket } from 'socket.io';

const sockets: Socket[] = [];
let next = 0;
// CallSid → the socket that was popped, so the call's later callbacks reach the same client.
const owners = new Map<string, Socket>();

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(404).end();
    return;
  }
  void readBody(req).then((raw) => {
    const form = new URLSearchParams(raw);
    const callSid = form.get('CallSid') ?? '';
    const parent = form.get('ParentCallSid');
    const at = new Date().toISOString();
    if (req.url?.startsWith('/webhooks/twilio/voice')) {
      const socket = sockets.length ? sockets[next++ % sockets.length]! : undefined;
      if (socket) {
        owners.set(callSid, socket);
        socket.emit('call:pop', { callId: callSid, provider: 'twilio', providerCallId: callSid, from: form.get('From'), to: form.get('To'), queue: 'default', startedAt: at, customer: null, candidates: [], history: [], orders: [], complaints: [], followUps: [] });
      }
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end('<?xml version="1.0" encoding="UTF-8"?><Response><Dial><Client>agent</Client></Dial></Response>');
      return;
    }
    const key = parent ?? callSid;
    const socket = owners.get(key);
    const status = form.get('CallStatus');
    const state = status === 'in-progress' ? 'answered' : parent ? 'answered' : 'completed';
    socket?.emit('call:state', { callId: key, state, at });
    if (!parent && status === 'completed') owners.delete(key);
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  }, () => res.writeHead(400).end());
});

const io = new Server(server, { serveClient: false });
io.on('connection', (socket) => {
  sockets.push(socket);
  // The bench's agent clients report their status with an ack; the relay only acknowledges.
  socket.on('agent:status', (_status: unknown, ack?: (r: { ok: true }) => void) => ack?.({ ok: true }));
  socket.on('disconnect', () => sockets.splice(sockets.indexOf(socket), 1));
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ benchServerUrl: `http://127.0.0.1:${port}` })}\n`);
});
const stop = () => io.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
