import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { findSessionUser } from '../auth/sessions';
import type { Principal, Role } from '../auth/principal';
import { forbidden, unauthorized } from './errors';

export const SESSION_COOKIE = 'sb_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest();
const sameSecret = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/** Resolves who is calling from a bearer token (API_TOKEN or a session token) or the session cookie. */
export async function resolvePrincipal(ctx: AppContext, request: FastifyRequest): Promise<Principal | null> {
  const bearer = bearerToken(request);
  if (bearer) {
    if (ctx.config.API_TOKEN && sameSecret(bearer, ctx.config.API_TOKEN)) return { kind: 'integration' };
    const user = await findSessionUser(ctx.db, bearer);
    return user ? { kind: 'user', user, via: 'bearer' } : null;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie) {
    const user = await findSessionUser(ctx.db, cookie);
    return user ? { kind: 'user', user, via: 'cookie' } : null;
  }
  return null;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request check for cookie-authenticated changes (besides SameSite=Lax): the Origin
 * (or Referer) must be our own. Bearer-token clients are not browsers riding on ambient cookies.
 */
export function assertSameOrigin(ctx: AppContext, request: FastifyRequest): void {
  if (!UNSAFE.has(request.method)) return;
  const source = request.headers.origin ?? request.headers.referer;
  if (!source) throw forbidden('cross-site request refused: missing Origin header');
  let origin: string;
  try {
    origin = new URL(source).origin;
  } catch {
    throw forbidden('cross-site request refused: bad Origin header');
  }
  const allowed = new Set([new URL(ctx.config.PUBLIC_BASE_URL).origin]);
  const host = request.headers.host;
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  if (!allowed.has(origin)) throw forbidden('cross-site request refused');
}

/** preHandler factory: authenticated, optionally with one of `roles` (admin and API_TOKEN always pass). */
export function requireAuth(ctx: AppContext, roles?: Role[]) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const principal = await resolvePrincipal(ctx, request);
    if (!principal) throw unauthorized();
    if (principal.kind === 'user' && principal.via === 'cookie') assertSameOrigin(ctx, request);
    if (roles && principal.kind === 'user' && principal.user.role !== 'admin' && !roles.includes(principal.user.role)) {
      throw forbidden(`requires role ${roles.join(' or ')}`);
    }
    request.principal = principal;
  };
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized();
  return request.principal;
}
