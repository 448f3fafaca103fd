import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { requireAuth } from '../http/auth-guard';
import type { QueueBoard } from './queue-board';

/** `GET /api/queues/snapshot`: the `queue:snapshot` supervisors receive, for integrators and tests. */
export function registerQueueRoutes(app: FastifyInstance, ctx: AppContext, board: QueueBoard): void {
  app.get('/api/queues/snapshot', { preHandler: requireAuth(ctx, ['supervisor']) }, async () => board.snapshot());
}
