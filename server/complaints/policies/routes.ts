import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { principalOf, requireAuth } from '../../http/auth-guard';
import { parseInput } from '../../http/validate';
import { listPolicies } from './list-policies';
import { policyName, upsertPolicy, upsertPolicyInput } from './upsert-policy';

const nameParams = z.object({ name: policyName });

/** Escalation policies: admins (and API_TOKEN) write; complaint staff may read the ladder they work under. */
export function registerEscalationPolicyRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/escalation-policies', { preHandler: requireAuth(ctx, ['supervisor', 'complaint_handler']) }, async () => ({
    policies: await listPolicies(ctx.db),
  }));

  app.put('/api/escalation-policies/:name', { preHandler: requireAuth(ctx, ['admin']) }, async (request) => {
    const { name } = parseInput(nameParams, request.params, 'invalid policy name');
    const input = parseInput(upsertPolicyInput, request.body);
    return upsertPolicy(ctx.db, principalOf(request), name, input);
  });
}
