/**
 * A child process holding idle agent sockets (one process cannot comfortably hold 10,000 clients
 * next to the load generator). Forked by bench/scenarios/idle-sockets.ts:
 *   parent → {url, tokens, concurrency}   child → {connected, failed, ms}
 *   parent → 'close'                        child closes every socket and exits.
 */
import { io as connect, type Socket } from 'socket.io-client';

interface Start {
  url: string;
  tokens: string[];
  concurrency: number;
}

const sockets: Socket[] = [];

async function open(url: string, token: string): Promise<boolean> {
  const socket = connect(url, { transports: ['websocket'], auth: { token }, forceNew: true, reconnection: false, timeout: 60_000 });
  sockets.push(socket);
  return new Promise<boolean>((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('connect_error', () => resolve(false));
  });
}

process.on('message', (msg: Start | 'close') => {
  if (msg === 'close') {
    sockets.forEach((s) => s.close());
    setTimeout(() => process.exit(0), 200);
    return;
  }
  const started = Date.now();
  let next = 0;
  let connected = 0;
  let failed = 0;
  void Promise.all(
    Array.from({ length: msg.concurrency }, async () => {
      while (next < msg.tokens.length) {
        if (await open(msg.url, msg.tokens[next++]!)) connected += 1;
        else failed += 1;
      }
    }),
  ).then(() => process.send!({ connected, failed, ms: Date.now() - started }));
});
// The parent went away: do not linger.
process.on('disconnect', () => process.exit(0));
