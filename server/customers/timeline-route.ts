import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context';
import { teamScope } from '../auth/principal';
import { principalOf, requireAuth } from '../http/auth-guard';
import { parseInput } from '../http/validate';
import { badRequest } from '../http/errors';
import { assertCustomerVisible } from './customer-visibility';
import { customerTimeline, decodeCursor, TIMELINE_MAX_LIMIT } from './timeline';
import { customerOrders, ORDERS_MAX_LIMIT } from './customer-orders';

const params = z.object({ id: z.uuid() });
const query = z.object({
  limit: z.coerce.number().int().min(1).max(TIMELINE_MAX_LIMIT).default(30),
  cursor: z.string().max(200).optional(),
});

const ordersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(ORDERS_MAX_LIMIT).default(50),
  cursor: z.string().max(200).optional(),
});

function readCursor(cursor: string | undefined) {
  const decoded = cursor ? decodeCursor(cursor) : null;
  if (cursor && !decoded) throw badRequest('invalid cursor', [{ path: 'cursor', message: 'not a cursor from this API' }]);
  return decoded;
}

/** GET /api/customers/{id}/timeline?limit&cursor → {items, nextCursor}; …/orders?limit&cursor → {orders, nextCursor}. */
export function registerCustomerTimelineRoute(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/customers/:id/timeline', { preHandler: requireAuth(ctx) }, async (request) => {
    const { id } = parseInput(params, request.params, 'invalid customer id');
    const { limit, cursor } = parseInput(query, request.query);
    const decoded = readCursor(cursor);
    await assertCustomerVisible(ctx.db, id, teamScope(principalOf(request)));
    return customerTimeline(ctx.database.sql, id, limit, decoded);
  });

  // The pop and GET /api/customers/{id} carry the 20 newest orders; the customer page pages through all.
  app.get('/api/customers/:id/orders', { preHandler: requireAuth(ctx) }, async (request) => {
    const { id } = parseInput(params, request.params, 'invalid customer id');
    const { limit, cursor } = parseInput(ordersQuery, request.query);
    const decoded = readCursor(cursor);
    await assertCustomerVisible(ctx.db, id, teamScope(principalOf(request)));
    return customerOrders(ctx.database.sql, id, limit, decoded);
  });
}
