import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import type { Services } from '../services';
import { registerAuthRoutes } from '../auth/routes';
import { registerWebhookRoutes } from '../webhooks/routes';
import { registerCallRoutes } from '../calls/routes';
import { registerCustomerDetailRoute } from '../customers/get-customer-route';
import { registerAdminRoutes } from '../admin/routes';
import { registerCustomerRoutes } from '../customers/routes';
import { registerOrderRoutes } from '../orders/routes';
import { registerFollowUpRoutes } from '../followups/routes';
import { registerQueueRoutes } from '../queues/routes';
import { registerComplaintRoutes } from '../complaints/routes';
import { registerImportRoutes } from '../imports/routes';
import { registerReportRoutes } from '../reports/routes';

/** Every HTTP route of the server, by domain. Routes parse, authorise, call one function, answer. */
export function registerRoutes(app: FastifyInstance, ctx: AppContext, services: Services): void {
  app.get('/healthz', async () => {
    await ctx.database.sql`select 1`;
    await ctx.redis.ping();
    return { ok: true };
  });
  registerAuthRoutes(app, ctx);
  registerWebhookRoutes(app, ctx, services);
  registerCallRoutes(app, ctx, services.bus);
  registerCustomerDetailRoute(app, ctx);
  registerAdminRoutes(app, ctx);
  registerCustomerRoutes(app, ctx);
  registerOrderRoutes(app, ctx);
  registerFollowUpRoutes(app, ctx);
  registerQueueRoutes(app, ctx, services.queueBoard);
  registerComplaintRoutes(app, ctx);
  registerImportRoutes(app, ctx);
  registerReportRoutes(app, ctx);
}
