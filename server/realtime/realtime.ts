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
  private readonly attached: boolean;
  private closing = false;
  private readonly crossProcessQueries = new Set<Promise<boolean>>();

  constructor(private readonly streamsClient: Redis, prefix: string, httpServer?: HttpServer) {
    const options = {
      // Everything the adapter keeps in Redis carries the prefix, so deployments sharing a Redis stay apart.
      adapter: createAdapter(streamsClient, {
        streamName: `${prefix}:socket.io`,
        channelPrefix: `${prefix}:socket.io`,
        sessionKeyPrefix: `${prefix}:sio:session:`,
      }),
      serveClient: false,
      // A console that drops for a moment gets missed packets back instead of a fresh session.
      connectionStateRecovery: { maxDisconnectionDuration: 30_000, skipMiddlewares: false },
    };
    this.io = httpServer ? new Server(httpServer, options) : new Server(options);
    this.attached = httpServer !== undefined;
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
    // away or once closing has begun would surface as an unhandled rejection: then only this process
    // can answer, from its own rooms (even a local fetchSockets asks Redis for the server count).
    // Queries already under way are waited for before the Redis client is quit.
    if (this.closing || this.streamsClient.status !== 'ready') {
      return (this.io.of('/').adapter.rooms.get(userRoom(userId))?.size ?? 0) > 0;
    }
    const query = this.io.in(userRoom(userId)).fetchSockets().then((sockets) => sockets.length > 0);
    this.crossProcessQueries.add(query);
    try {
      return await query;
    } finally {
      this.crossProcessQueries.delete(query);
    }
  }

  /**
   * Stops asking other processes, waits for the queries under way, then closes socket.io (its
   * engine when attached to an HTTP server; the adapter's stream readers either way). Call before
   * quitting the Redis client the adapter publishes with.
   */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.crossProcessQueries]);
    if (this.attached) {
      await new Promise<void>((resolve) => {
        this.io.close(() => resolve());
      });
    } else {
      // Server.close() would also close an engine this broadcaster never had.
      await this.io.of('/').adapter.close();
    }
  }
}
