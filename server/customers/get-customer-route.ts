import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context';
import { principalOf, requireAuth } from '../http/auth-guard';
import { parseInput } from '../http/validate';
import { teamScope } from '../auth/principal';
import { buildPopForCustomer } from '../pop/build-pop';
import { assertCustomerVisible } from './customer-visibility';

const idParams = z.object({ id: z.uuid() });

/** GET /api/customers/{id}: the customer with history, orders, complaints, follow-ups as in call:pop. */
export function registerCustomerDetailRoute(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/customers/:id', { preHandler: requireAuth(ctx) }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'invalid customer id');
    await assertCustomerVisible(ctx.db, id, teamScope(principalOf(request)));
    const pop = await buildPopForCustomer(ctx.database.sql, id);
    return { ...pop.customer!, history: pop.history, orders: pop.orders, complaints: pop.complaints, followUps: pop.followUps };
  });
}
