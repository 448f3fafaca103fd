export type Role = 'agent' | 'supervisor' | 'complaint_handler' | 'admin';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  locale: 'en' | 'zh-CN';
}

/** Who is making a request: a signed-in user, or an integration holding API_TOKEN (admin rights). */
export type Principal =
  | { kind: 'user'; user: SessionUser; via: 'cookie' | 'bearer' }
  | { kind: 'integration' };

export const isAdmin = (p: Principal) => p.kind === 'integration' || p.user.role === 'admin';

/** Roles that see everything regardless of team. */
export function seesAllTeams(p: Principal): boolean {
  return p.kind === 'integration' || p.user.role === 'admin' || p.user.role === 'complaint_handler';
}

/** The team a principal is confined to, or null when not confined. */
export function teamScope(p: Principal): string | null {
  if (seesAllTeams(p) || p.kind !== 'user') return null;
  return p.user.teamId;
}

export const actorId = (p: Principal) => (p.kind === 'user' ? p.user.id : null);
