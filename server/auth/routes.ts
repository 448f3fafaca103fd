import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context';
import { users } from '../../db/schema';
import { parseInput } from '../http/validate';
import { HttpError, unauthorized } from '../http/errors';
import { assertSameOrigin, principalOf, requireAuth, SESSION_COOKIE } from '../http/auth-guard';
import { dummyPasswordHash, verifyPassword } from './password';
import { createSession, deleteSession, SESSION_TTL_MS } from './sessions';

const loginBody = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });
const localeBody = z.object({ locale: z.enum(['en', 'zh-CN']) });

// One message for an unknown user and a wrong password: nothing tells which part was wrong.
const BAD_CREDENTIALS = 'invalid email or password';

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const secureCookie = ctx.config.PUBLIC_BASE_URL.startsWith('https://');

  app.post('/api/auth/login', async (request, reply) => {
    if (request.headers.origin) assertSameOrigin(ctx, request); // login CSRF from another site
    const { email: rawEmail, password } = parseInput(loginBody, request.body);
    const email = rawEmail.toLowerCase();
    const address = request.ip;

    const wait = await ctx.loginThrottle.retryAfter(email, address);
    if (wait > 0) {
      throw new HttpError(429, 'too many failed login attempts; try again later', { retryAfterSeconds: wait }, { 'Retry-After': String(wait) });
    }

    const [user] = await ctx.db.select().from(users).where(eq(users.email, email)).limit(1);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !ok || !user.active) {
      await ctx.loginThrottle.recordFailure(email, address);
      request.log.info({ event: 'login.failed' }, 'login failed');
      throw unauthorized(BAD_CREDENTIALS);
    }
    await ctx.loginThrottle.recordSuccess(email);

    const { token } = await createSession(ctx.db, user.id);
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookie,
      path: '/',
      maxAge: SESSION_TTL_MS / 1000,
    });
    // The console reads the language from this cookie before anyone has rendered a page.
    reply.setCookie('sb_locale', user.locale, { sameSite: 'lax', secure: secureCookie, path: '/', maxAge: 365 * 86400 });
    return { token, user: { id: user.id, name: user.name, role: user.role, email: user.email, teamId: user.teamId, locale: user.locale } };
  });

  app.post('/api/auth/logout', async (request, reply) => {
    const header = request.headers.authorization;
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? request.cookies[SESSION_COOKIE];
    if (request.cookies[SESSION_COOKIE] && !header) assertSameOrigin(ctx, request);
    if (token) await deleteSession(ctx.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { preHandler: requireAuth(ctx) }, async (request) => {
    const p = principalOf(request);
    return p.kind === 'user' ? { user: p.user } : { user: null, integration: true };
  });

  /** The console's language switch; remembered on the user so it follows them to any machine. */
  app.put('/api/auth/me/locale', { preHandler: requireAuth(ctx) }, async (request, reply) => {
    const p = principalOf(request);
    const { locale } = parseInput(localeBody, request.body);
    if (p.kind === 'user') await ctx.db.update(users).set({ locale }).where(eq(users.id, p.user.id));
    reply.setCookie('sb_locale', locale, { sameSite: 'lax', secure: secureCookie, path: '/', maxAge: 365 * 86400 });
    return { ok: true, locale };
  });
}
