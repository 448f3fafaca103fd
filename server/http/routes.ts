import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import type { Services } from '../services';
import { registerAuthRoutes } from '../auth/routes';

/** Every HTTP route of the server, by domain. Routes parse, authorise, call one function, answer. */
export function registerRoutes(app: FastifyInstance, ctx: AppContext, _services: Services): void {
  app.get('/healthz', async () => {
    await ctx.database.sql`select 1`;
    await ctx.redis.ping();
    return { ok: true };
  });
  registerAuthRoutes(app, ctx);
}
