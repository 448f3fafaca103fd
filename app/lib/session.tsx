'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { apiFetch, ApiError } from './api';
import type { ConsoleUser } from './roles';

type SessionState = { status: 'loading' } | { status: 'signed-in'; user: ConsoleUser } | { status: 'error' };

const SessionContext = createContext<SessionState>({ status: 'loading' });

export const fetchMe = (signal?: AbortSignal) => apiFetch<{ user: ConsoleUser | null }>('/api/auth/me', { signal });

/** Loads the signed-in user once per shell; an expired or missing session goes to /login. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchMe(controller.signal)
      .then(({ user }) => (user ? setState({ status: 'signed-in', user }) : window.location.assign('/login')))
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        if (err instanceof ApiError && err.status === 401) window.location.assign('/login');
        else setState({ status: 'error' });
      });
    return () => controller.abort();
  }, []);

  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);

/** The user inside a signed-in shell (components below RoleGate only render once it is known). */
export function useUser(): ConsoleUser {
  const session = useSession();
  if (session.status !== 'signed-in') throw new Error('useUser outside a signed-in shell');
  return session.user;
}
