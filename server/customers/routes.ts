import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context';
import type { Role } from '../auth/principal';
import { teamScope } from '../auth/principal';
import { principalOf, requireAuth } from '../http/auth-guard';
import { parseInput } from '../http/validate';
import { badRequest } from '../http/errors';
import { describePhoneFailure, normalisePhone } from '../phones/normalise-phone';
import { createCustomer, createCustomerInput } from './create-customer';
import { updateCustomer, updateCustomerInput } from './update-customer';
import { addCustomerPhone, addCustomerPhoneInput } from './add-customer-phone';
import { removeCustomerPhone } from './remove-customer-phone';
import { findCustomersByPhone, restorePlus, searchCustomers, SEARCH_LIMIT } from './search-customers';
import { registerCustomerTimelineRoute } from './timeline-route';
import { registerCustomerValueSettingsRoutes } from './value-settings-routes';
import { registerCustomerProfileRoute } from './profile-route';

// The pop's "new customer" form and the customer page are used by the whole floor, not only admins.
const CONSOLE_ROLES: Role[] = ['agent', 'supervisor', 'complaint_handler', 'admin'];

const idParams = z.object({ id: z.uuid() });
const phoneParams = z.object({ id: z.uuid(), e164: z.string().min(1).max(64) });
const searchQuery = z.object({
  phone: z.string().max(64).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT).default(SEARCH_LIMIT),
});

function readPhone(raw: string, region: string, path: string): string {
  const result = normalisePhone(restorePlus(raw), region);
  if (!result.ok) throw badRequest('unreadable phone number', [{ path, message: describePhoneFailure(result.reason) }]);
  return result.e164;
}

export function registerCustomerRoutes(app: FastifyInstance, ctx: AppContext): void {
  const region = ctx.config.DEFAULT_REGION;
  const createBody = createCustomerInput(region);
  const phoneBody = addCustomerPhoneInput(region);
  const guard = requireAuth(ctx, CONSOLE_ROLES);
  registerCustomerTimelineRoute(app, ctx);
  registerCustomerValueSettingsRoutes(app, ctx);
  registerCustomerProfileRoute(app, ctx);

  app.get('/api/customers', { preHandler: guard }, async (request) => {
    const query = parseInput(searchQuery, request.query);
    const teamId = teamScope(principalOf(request));
    if (query.phone !== undefined) {
      return { customers: await findCustomersByPhone(ctx.db, readPhone(query.phone, region, 'phone'), teamId, query.limit) };
    }
    return { customers: await searchCustomers(ctx.db, query.q ?? '', { defaultRegion: region, teamId }, query.limit) };
  });

  app.post('/api/customers', { preHandler: guard }, async (request, reply) => {
    const input = parseInput(createBody, request.body);
    return reply.status(201).send(await createCustomer(ctx.db, principalOf(request), input));
  });

  app.patch('/api/customers/:id', { preHandler: guard }, async (request) => {
    const { id } = parseInput(idParams, request.params);
    const input = parseInput(updateCustomerInput, request.body);
    const principal = principalOf(request);
    return updateCustomer(ctx.db, principal, id, teamScope(principal), input);
  });

  app.post('/api/customers/:id/phones', { preHandler: guard }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params);
    const input = parseInput(phoneBody, request.body);
    const principal = principalOf(request);
    const result = await addCustomerPhone(ctx.db, principal, id, teamScope(principal), input);
    return reply.status(result.created ? 201 : 200).send(result);
  });

  app.delete('/api/customers/:id/phones/:e164', { preHandler: guard }, async (request) => {
    const { id, e164: raw } = parseInput(phoneParams, request.params);
    const principal = principalOf(request);
    await removeCustomerPhone(ctx.db, principal, id, teamScope(principal), readPhone(raw, region, 'e164'));
    return { ok: true };
  });
}
