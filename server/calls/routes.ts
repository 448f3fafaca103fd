import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context';
import type { DomainBus } from '../events/bus';
import { principalOf, requireAuth } from '../http/auth-guard';
import { parseInput } from '../http/validate';
import { notFound } from '../http/errors';
import { calls } from '../../db/schema';
import { wrapUpCall } from './wrap-up-call';
import { handledBy } from './call-access';
import { linkCallCustomer } from './link-call-customer';
import { dispositionsInput, getDispositions, setDispositions } from './dispositions';

const idParams = z.object({ id: z.uuid() });
const wrapUpBody = z.object({ disposition: z.string().trim().min(1).max(100), notes: z.string().max(10_000).default('') });
const linkBody = z.object({ customerId: z.uuid() });
const staff = ['agent', 'supervisor', 'complaint_handler', 'admin'] as const;

export function registerCallRoutes(app: FastifyInstance, ctx: AppContext, bus: DomainBus): void {
  app.post('/api/calls/:id/wrapup', { preHandler: requireAuth(ctx, [...staff]) }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'invalid call id');
    const body = parseInput(wrapUpBody, request.body);
    const result = await wrapUpCall(ctx.db, principalOf(request), id, body);
    // Wrap-up time is part of handle time: the queue figures re-read the call.
    bus.emit('call.changed', { callId: id, queueId: null, state: 'wrapped_up', at: new Date() });
    return { ok: true, ...result };
  });

  app.post('/api/calls/:id/customer', { preHandler: requireAuth(ctx, [...staff]) }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'invalid call id');
    const { customerId } = parseInput(linkBody, request.body);
    await linkCallCustomer(ctx.db, principalOf(request), id, customerId);
    return { ok: true };
  });

  app.get('/api/calls/:id', { preHandler: requireAuth(ctx, [...staff]) }, async (request) => {
    const { id } = parseInput(idParams, request.params, 'invalid call id');
    const [call] = await ctx.db.select().from(calls).where(eq(calls.id, id)).limit(1);
    // 404 rather than 403 for another agent's call: like customers, existence is not disclosed.
    if (!call || !handledBy(principalOf(request), call)) throw notFound('call not found');
    return { call };
  });

  app.get('/api/settings/dispositions', { preHandler: requireAuth(ctx) }, async () => ({ dispositions: await getDispositions(ctx.db) }));

  app.put('/api/settings/dispositions', { preHandler: requireAuth(ctx, ['admin']) }, async (request) => {
    const { dispositions } = parseInput(dispositionsInput, request.body);
    return { dispositions: await setDispositions(ctx.db, principalOf(request), dispositions) };
  });
}
