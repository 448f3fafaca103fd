import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { principalOf, requireAuth } from '../http/auth-guard';
import { parseInput } from '../http/validate';
import { teamScope } from '../auth/principal';
import { createUser, createUserInput } from './create-user';
import { createQueue, createQueueInput } from './create-queue';
import { listQueues } from './list-queues';
import { updateQueue, updateQueueInput } from './update-queue';
import { z } from 'zod';
import { listTeams } from './list-teams';

const queueParams = z.object({ id: z.uuid() });

/** Admin and integration API: admin session or API_TOKEN bearer (requireAuth lets both through). */
export function registerAdminRoutes(app: FastifyInstance, ctx: AppContext): void {
  const userBody = createUserInput(ctx.config.DEFAULT_REGION);
  const queueBody = createQueueInput(ctx.config.DEFAULT_REGION);

  app.post('/api/users', { preHandler: requireAuth(ctx, ['admin']) }, async (request, reply) => {
    const input = parseInput(userBody, request.body);
    return reply.status(201).send(await createUser(ctx.db, principalOf(request), input));
  });

  app.post('/api/queues', { preHandler: requireAuth(ctx, ['admin']) }, async (request, reply) => {
    const input = parseInput(queueBody, request.body);
    return reply.status(201).send(await createQueue(ctx.db, principalOf(request), input));
  });

  // Applies to calls routed after each process's queue cache expires (5 s, server/calls/queue-cache.ts).
  app.patch('/api/queues/:id', { preHandler: requireAuth(ctx, ['admin']) }, async (request) => {
    const { id } = parseInput(queueParams, request.params, 'invalid queue id');
    return updateQueue(ctx.db, principalOf(request), id, parseInput(updateQueueInput, request.body));
  });

  app.get('/api/queues', { preHandler: requireAuth(ctx, ['admin', 'supervisor']) }, async (request) => {
    return { queues: await listQueues(ctx.db, teamScope(principalOf(request))) };
  });

  app.get('/api/teams', { preHandler: requireAuth(ctx, ['admin', 'supervisor']) }, async (request) => {
    return { teams: await listTeams(ctx.db, teamScope(principalOf(request))) };
  });
}
