'use client';

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { AgentState, AgentStatus } from '../../server/realtime/events';
import { useSession } from '../lib/session';
import { useSocket, useSocketEvent } from '../lib/use-socket';

const ACK_TIMEOUT_MS = 5000;

export type StatusError = 'noConnection' | 'timeout' | 'rejected';

interface AgentStatusValue {
  /** What the server last acknowledged or announced, not what was clicked. */
  confirmed: AgentState | null;
  pending: AgentStatus | null;
  error: StatusError | null;
  choose(status: AgentStatus): Promise<boolean>;
}

const AgentStatusContext = createContext<AgentStatusValue | null>(null);

/** One status per desk, shared by the status switch and the wrap-up form's "set me available". */
export function AgentStatusProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const { socket, state } = useSocket();
  const [confirmed, setConfirmed] = useState<AgentState | null>(null);
  const [pending, setPending] = useState<AgentStatus | null>(null);
  const [error, setError] = useState<StatusError | null>(null);
  const myId = session.status === 'signed-in' ? session.user.id : null;

  // The server sends our state on connect (and may move us: away after a long disconnect).
  useSocketEvent('agent:state', (event) => {
    if (event.agentId === myId) setConfirmed(event.state);
  });

  const choose = useCallback(
    async (status: AgentStatus) => {
      if (!socket || state !== 'connected') {
        setError('noConnection');
        return false;
      }
      setPending(status);
      setError(null);
      try {
        const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('agent:status', { status });
        if (ack.ok) setConfirmed(ack.status);
        else setError('rejected');
        return ack.ok;
      } catch {
        setError('timeout');
        return false;
      } finally {
        setPending(null);
      }
    },
    [socket, state],
  );

  const value = useMemo(() => ({ confirmed, pending, error, choose }), [confirmed, pending, error, choose]);
  return <AgentStatusContext.Provider value={value}>{children}</AgentStatusContext.Provider>;
}

export function useAgentStatus(): AgentStatusValue {
  const value = useContext(AgentStatusContext);
  if (!value) throw new Error('useAgentStatus outside AgentStatusProvider');
  return value;
}
