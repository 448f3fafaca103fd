import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { SessionProvider } from '../lib/session';
import type { Role } from '../lib/roles';
import { AppHeader } from './app-header';
import { RoleGate } from './role-gate';

/**
 * The signed-in frame of every section. No cookie at all goes straight to /login on the server;
 * a cookie that turns out stale is caught by SessionProvider's GET /api/auth/me.
 */
export async function Shell({ roles, children }: { roles: Role[] | 'any'; children: ReactNode }) {
  if (!(await cookies()).has('sb_session')) redirect('/login');
  return (
    <SessionProvider>
      <div className="min-h-screen bg-slate-50">
        <AppHeader />
        <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
          <RoleGate roles={roles}>{children}</RoleGate>
        </main>
      </div>
    </SessionProvider>
  );
}
