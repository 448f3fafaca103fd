import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { principalOf, requireAuth } from '../http/auth-guard';
import { parseInput } from '../http/validate';
import { customerValueInput, getCustomerValueSettings, setCustomerValueSettings } from './value-settings';

/** How customer value is judged: anyone may read it (the pop explains scores by it), admins change it. */
export function registerCustomerValueSettingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/settings/customer-value', { preHandler: requireAuth(ctx) }, () => getCustomerValueSettings(ctx));

  app.put('/api/settings/customer-value', { preHandler: requireAuth(ctx, ['admin']) }, async (request) => {
    const input = parseInput(customerValueInput, request.body);
    return setCustomerValueSettings(ctx, principalOf(request), input);
  });
}
