'use client';

import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/realtime/events';

export type ConsoleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/*
 * One socket per page, shared by every component that listens: the status switch, the pop panel
 * and the indicator must see the same connection, and the server replays pops per connection.
 */
let shared: { socket: ConsoleSocket; users: number; closeTimer?: ReturnType<typeof setTimeout> } | null = null;

function acquire(): ConsoleSocket {
  if (shared) {
    clearTimeout(shared.closeTimer);
    shared.users += 1;
    return shared.socket;
  }
  // Same origin: the httpOnly session cookie authenticates the handshake by itself.
  const socket: ConsoleSocket = io({
    withCredentials: true,
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000, // an agent should be back within seconds after a server restart
  });
  shared = { socket, users: 1 };
  return socket;
}

function release(): void {
  if (!shared) return;
  shared.users -= 1;
  if (shared.users > 0) return;
  const current = shared;
  // Deferred so a remount (React strict mode, fast navigation) reuses the connection.
  current.closeTimer = setTimeout(() => {
    if (shared === current && current.users === 0) {
      current.socket.close();
      shared = null;
    }
  }, 1000);
}

function stateOf(socket: ConsoleSocket, wasConnected: boolean): ConnectionState {
  if (socket.connected) return 'connected';
  if (socket.active) return wasConnected ? 'reconnecting' : 'connecting';
  return 'offline';
}

/** The page's socket and its connection state. */
export function useSocket(): { socket: ConsoleSocket | null; state: ConnectionState } {
  const [socket, setSocket] = useState<ConsoleSocket | null>(null);
  const [state, setState] = useState<ConnectionState>('connecting');

  useEffect(() => {
    const s = acquire();
    let wasConnected = s.connected;
    const update = () => {
      wasConnected ||= s.connected;
      setState(stateOf(s, wasConnected));
    };
    setSocket(s);
    update();
    s.on('connect', update);
    s.on('disconnect', update);
    s.on('connect_error', update);
    s.io.on('reconnect_attempt', update);
    s.io.on('reconnect_failed', update);
    return () => {
      s.off('connect', update);
      s.off('disconnect', update);
      s.off('connect_error', update);
      s.io.off('reconnect_attempt', update);
      s.io.off('reconnect_failed', update);
      release();
    };
  }, []);

  return { socket, state };
}

/** Subscribes `handler` to a server event for the component's lifetime; the latest handler always runs. */
export function useSocketEvent<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): ConnectionState {
  const { socket, state } = useSocket();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!socket) return;
    const listener = ((...args: Parameters<ServerToClientEvents[E]>) => (latest.current as (...a: typeof args) => void)(...args)) as never;
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  }, [socket, event]);
  return state;
}
