import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context';
import { principalOf, requireAuth } from '../http/auth-guard';
import { parseInput } from '../http/validate';
import { createComplaint, createComplaintInput } from './lifecycle/create-complaint';
import { actionInput, changeComplaintStatus, complaintActions } from './lifecycle/change-complaint-status';
import { getComplaint } from './queries/get-complaint';
import { listComplaints, listComplaintsQuery } from './queries/list-complaints';
import { registerEscalationPolicyRoutes } from './policies/routes';

const idParams = z.object({ id: z.uuid() });
const actionParams = z.object({ id: z.uuid(), action: z.enum(complaintActions) });

/** The complaints API (CONTRACT.md) plus `start` and the lists; routes parse, call one function, answer. */
export function registerComplaintRoutes(app: FastifyInstance, ctx: AppContext): void {
  const guard = requireAuth(ctx);

  app.post('/api/complaints', { preHandler: guard }, async (request, reply) => {
    const input = parseInput(createComplaintInput, request.body);
    const c = await createComplaint(ctx, principalOf(request), input);
    return reply.status(201).send({
      id: c.id,
      level: c.level,
      status: c.status,
      assigneeId: c.assigneeId,
      respondBy: c.respondBy?.toISOString() ?? null,
      resolveBy: c.resolveBy?.toISOString() ?? null,
    });
  });

  app.get('/api/complaints', { preHandler: guard }, async (request) => ({
    complaints: await listComplaints(ctx.db, principalOf(request), parseInput(listComplaintsQuery, request.query)),
  }));

  app.get('/api/complaints/:id', { preHandler: guard }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'invalid complaint id');
    return getComplaint(ctx.db, principalOf(request), id);
  });

  app.post('/api/complaints/:id/:action', { preHandler: guard }, async (request) => {
    const { id, action } = parseInput(actionParams, request.params, 'unknown complaint action');
    const { note } = parseInput(actionInput, request.body);
    await changeComplaintStatus(ctx, principalOf(request), id, action, note);
    return getComplaint(ctx.db, principalOf(request), id);
  });

  registerEscalationPolicyRoutes(app, ctx);
}
