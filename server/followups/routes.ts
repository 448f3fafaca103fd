import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context';
import type { Role } from '../auth/principal';
import { teamScope } from '../auth/principal';
import { principalOf, requireAuth } from '../http/auth-guard';
import { badRequest } from '../http/errors';
import { parseInput } from '../http/validate';
import { createFollowUpInput, listFollowUpsQuery, outcomeInput, updateFollowUpInput } from './follow-up-input';
import { createFollowUp } from './create-follow-up';
import { updateFollowUp } from './update-follow-up';
import { recordFollowUpOutcome } from './record-outcome';
import { dialFollowUp } from './dial-follow-up';
import { getFollowUp, listFollowUps, listMyFollowUps } from './list-follow-ups';

const CONSOLE_ROLES: Role[] = ['agent', 'supervisor', 'complaint_handler', 'admin'];
const idParams = z.object({ id: z.uuid() });

/** The contract's follow-ups API. */
export function registerFollowUpRoutes(app: FastifyInstance, ctx: AppContext): void {
  const guard = requireAuth(ctx, CONSOLE_ROLES);

  app.post('/api/followups', { preHandler: guard }, async (request, reply) => {
    const input = parseInput(createFollowUpInput, request.body);
    return reply.status(201).send(await createFollowUp(ctx, principalOf(request), input));
  });

  app.get('/api/followups', { preHandler: guard }, async (request) => {
    const query = parseInput(listFollowUpsQuery, request.query);
    const principal = principalOf(request);
    if (query.mine === '1' || query.mine === 'true') {
      if (principal.kind !== 'user') throw badRequest('mine=1 needs a signed-in user');
      return listMyFollowUps(ctx.db, principal.user.id, query.limit);
    }
    return { followUps: await listFollowUps(ctx.db, teamScope(principal), query, query.limit) };
  });

  app.get('/api/followups/:id', { preHandler: guard }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'invalid follow-up id');
    return getFollowUp(ctx.db, id, teamScope(principalOf(request)));
  });

  app.patch('/api/followups/:id', { preHandler: guard }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'invalid follow-up id');
    return updateFollowUp(ctx, principalOf(request), id, parseInput(updateFollowUpInput, request.body));
  });

  app.post('/api/followups/:id/outcome', { preHandler: guard }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'invalid follow-up id');
    const { outcome, note } = parseInput(outcomeInput, request.body);
    return recordFollowUpOutcome(ctx, principalOf(request), id, outcome, note);
  });

  app.post('/api/followups/:id/dial', { preHandler: guard }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'invalid follow-up id');
    return dialFollowUp(ctx, principalOf(request), id);
  });
}
