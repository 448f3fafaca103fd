import { io as connect, type Socket } from 'socket.io-client';
import type { CallPop, ClientToServerEvents, ServerToClientEvents } from '../../server/realtime/events';
import type { BenchAgents } from './agents';

/**
 * The bare relay's "agents": the same socket.io client and the same reaction to `call:state`
 * as bench/lib/agents.ts, without the database and the login (the relay has neither).
 */
export async function startRelayAgents(relayUrl: string, count: number): Promise<BenchAgents> {
  const listeners: Array<(pop: CallPop, i: number) => void> = [];
  const sockets = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(relayUrl, { transports: ['websocket'], forceNew: true });
      socket.on('call:pop', (pop) => listeners.forEach((l) => l(pop, i)));
      socket.on('call:state', (e) => {
        if (e.state === 'completed' || e.state === 'missed') socket.emit('agent:status', { status: 'available' });
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return socket;
    }),
  );
  return {
    sockets,
    ids: sockets.map((_, i) => `relay-${i}`),
    onPop: (l) => {
      listeners.push(l);
      return () => listeners.splice(listeners.indexOf(l), 1);
    },
    async close() {
      sockets.forEach((s) => s.close());
    },
  };
}
