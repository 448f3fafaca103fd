import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { customers, teams } from '../../db/schema';
import type { AppContext } from '../context';
import { teamScope } from '../auth/principal';
import { principalOf, requireAuth } from '../http/auth-guard';
import { parseInput } from '../http/validate';
import { notFound } from '../http/errors';
import { visibleTo } from './customer-visibility';
import { customerSummaryColumns, toCustomerSummary } from './customer-summary';
import { explainRfm } from './value/explain-rfm';
import { readBreakpoints, readRfmConfig } from './rfm-settings-store';
import { scoringConfig } from './value/rfm-config';

const params = z.object({ id: z.uuid() });

/**
 * GET /api/customers/{id}/profile: what the customer page shows beyond the pop (team, follow-up
 * frequency) and why the customer is in their segment, worded from what the value run judged on
 * and the thresholds it judged by, so the reasons never contradict the badge.
 */
export function registerCustomerProfileRoute(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/customers/:id/profile', { preHandler: requireAuth(ctx) }, async (request) => {
    const { id } = parseInput(params, request.params, 'invalid customer id');
    const [[row], saved, breakpoints] = await Promise.all([
      ctx.db
        .select({
          ...customerSummaryColumns,
          teamName: teams.name,
          valueComputedAt: customers.valueComputedAt,
          perOrderScore: customers.valuePerOrderScore,
          orderCount: customers.valueOrderCount,
          lossMaking: customers.valueLossMaking,
        })
        .from(customers)
        .leftJoin(teams, eq(teams.id, customers.teamId))
        .where(and(eq(customers.id, id), visibleTo(teamScope(principalOf(request))))),
      readRfmConfig(ctx.database.sql),
      readBreakpoints(ctx.database.sql),
    ]);
    const { thresholds } = scoringConfig(breakpoints, saved);
    if (!row) throw notFound('customer not found');
    const { teamName, valueComputedAt, perOrderScore, orderCount, lossMaking, ...summaryRow } = row;
    const summary = toCustomerSummary(summaryRow);
    const valueReasons = explainRfm(summary.rfm && { ...summary.rfm, perOrderScore, orderCount: orderCount ?? undefined, lossMaking }, thresholds);
    return { ...summary, teamName, valueComputedAt: valueComputedAt?.toISOString() ?? null, valueReasons };
  });
}
