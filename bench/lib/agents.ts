import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { io as connect, type Socket } from 'socket.io-client';
import { hashPassword } from '../../server/auth/password';
import type { CallPop, ClientToServerEvents, ServerToClientEvents } from '../../server/realtime/events';

type AgentSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface BenchAgents {
  sockets: AgentSocket[];
  ids: string[];
  /** Called with every pop any agent receives, at the moment it arrives; returns the unsubscribe. */
  onPop(listener: (pop: CallPop, agentIndex: number) => void): () => void;
  close(): Promise<void>;
}

const PASSWORD = 'bench-agent-password';

/**
 * `count` agents as real socket.io clients: created in the database, signed in through the API,
 * available. After each call ends they go available again at once (a bench has no wrap-up time).
 */
export async function startAgents(serverUrl: string, databaseUrl: string, count: number, opts: { socketUrl?: string } = {}): Promise<BenchAgents> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const hash = await hashPassword(PASSWORD);
  const run = randomUUID().slice(0, 8);
  const emails = Array.from({ length: count }, (_, i) => `bench-agent-${run}-${i}@bench.test`);
  const rows = await sql<Array<{ id: string; email: string }>>`
    insert into users ${sql(emails.map((email, i) => ({ email, name: `Bench Agent ${i}`, role: 'agent', password_hash: hash })))}
    returning id, email`;
  await sql.end();
  const listeners: Array<(pop: CallPop, i: number) => void> = [];
  const sockets = await Promise.all(
    rows.map(async (row, i) => {
      const res = await fetch(`${serverUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: row.email, password: PASSWORD }) });
      const { token } = (await res.json()) as { token: string };
      const socket: AgentSocket = connect(opts.socketUrl ?? serverUrl, { transports: ['websocket'], auth: { token }, forceNew: true });
      socket.on('call:pop', (pop) => listeners.forEach((l) => l(pop, i)));
      socket.on('call:state', (e) => {
        if (e.state === 'completed' || e.state === 'missed') socket.emit('agent:status', { status: 'available' });
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      await socket.emitWithAck('agent:status', { status: 'available' });
      return socket;
    }),
  );
  return {
    sockets,
    ids: rows.map((r) => r.id),
    onPop: (l) => {
      listeners.push(l);
      return () => listeners.splice(listeners.indexOf(l), 1);
    },
    async close() {
      await Promise.all(sockets.map((s) => s.emitWithAck('agent:status', { status: 'away' }).catch(() => {})));
      sockets.forEach((s) => s.close());
    },
  };
}
