import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from './events';
import { userRoom } from './rooms';

export type TypedServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type TypedSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type EventArgs<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>;

/**
 * The socket.io server on the Redis Streams adapter: emits reach sockets on every server process.
 * Created without an HTTP server in `npm run workers`, where it only broadcasts.
 */
export class Realtime {
  readonly io: TypedServer;

  constructor(private readonly streamsClient: Redis, prefix: string, httpServer?: HttpServer) {
    const options = {
      adapter: createAdapter(streamsClient, { streamName: `${prefix}:socket.io` }),
      serveClient: false,
      // A console that drops for a moment gets missed packets back instead of a fresh session.
      connectionStateRecovery: { maxDisconnectionDuration: 30_000, skipMiddlewares: false },
    };
    this.io = httpServer ? new Server(httpServer, options) : new Server(options);
  }

  toUser<E extends keyof ServerToClientEvents>(userId: string, event: E, ...args: EventArgs<E>): void {
    this.io.to(userRoom(userId)).emit(event, ...args);
  }

  toRoom<E extends keyof ServerToClientEvents>(room: string, event: E, ...args: EventArgs<E>): void {
    this.io.to(room).emit(event, ...args);
  }

  /** Whether the user has a socket on any server process. */
  async isOnline(userId: string): Promise<boolean> {
    // The adapter publishes the cross-process request without awaiting it, so asking while Redis is
    // away (or closing) would surface as an unhandled rejection: then only this process can answer.
    const scope = this.streamsClient.status === 'ready' ? this.io : this.io.local;
    const sockets = await scope.in(userRoom(userId)).fetchSockets();
    return sockets.length > 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.io.close(() => resolve());
    });
  }
}
