import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { principalOf, requireAuth } from '../http/auth-guard';
import { parseInput } from '../http/validate';
import { getCustomerValueSettings, setCustomerValueSettings } from './value-settings';
import { rfmConfigInput } from './value/rfm-config';

/** How customer value is judged: anyone may read it (the pop explains scores by it), admins change it. */
export function registerCustomerValueSettingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/settings/customer-value', { preHandler: requireAuth(ctx) }, () => getCustomerValueSettings(ctx));

  app.put('/api/settings/customer-value', { preHandler: requireAuth(ctx, ['admin']) }, async (request) => {
    const input = parseInput(rfmConfigInput, request.body);
    return setCustomerValueSettings(ctx, principalOf(request), input);
  });
}
