import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { principalOf, requireAuth } from '../http/auth-guard';
import { parseInput } from '../http/validate';
import { upsertOrder, upsertOrderInput } from './upsert-order';
import { onOrderChanged } from './on-order-changed';

export function registerOrderRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/orders', { preHandler: requireAuth(ctx, ['admin']) }, async (request, reply) => {
    const input = parseInput(upsertOrderInput, request.body);
    const result = await upsertOrder(ctx.db, principalOf(request), input);
    // After the commit: the recompute must see the order.
    await Promise.all(result.affectedCustomerIds.map((customerId) => onOrderChanged(ctx, customerId)));
    return reply.status(result.created ? 201 : 200).send({ id: result.id });
  });
}
