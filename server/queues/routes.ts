import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { principalOf, requireAuth } from '../http/auth-guard';
import { teamScope } from '../auth/principal';
import type { QueueBoard } from './queue-board';

/** `GET /api/queues/snapshot`: the `queue:snapshot` supervisors receive, for integrators and tests. */
export function registerQueueRoutes(app: FastifyInstance, ctx: AppContext, board: QueueBoard): void {
  app.get('/api/queues/snapshot', { preHandler: requireAuth(ctx, ['supervisor']) }, async (request) => board.snapshot(teamScope(principalOf(request))));
}
