import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context';
import { principalOf, requireAuth } from '../http/auth-guard';
import { teamScope } from '../auth/principal';
import { parseInput } from '../http/validate';
import { readRfmConfig } from '../customers/rfm-settings-store';
import { csvLine } from './csv-text';
import { reportQuery } from './report-range';
import { REPORT_NAMES, REPORTS } from './report-queries';

const nameParams = z.object({ name: z.enum(REPORT_NAMES) });
// Rows per fetch of the CSV cursor: the export never holds more than this in memory.
const CSV_BATCH = 1000;

/** GET /api/reports/{name} (JSON, for the charts) and /api/reports/{name}.csv (streamed); supervisors and admins; a team supervisor's figures cover their team (and what belongs to no team). */
export function registerReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const guard = requireAuth(ctx, ['supervisor']);

  app.get('/api/reports/:name.csv', { preHandler: guard }, async (request, reply) => {
    const { name } = parseInput(nameParams, request.params, 'unknown report');
    const range = parseInput(reportQuery, request.query);
    const spec = REPORTS[name];
    const config = await readRfmConfig(ctx.database.sql);
    const teamId = teamScope(principalOf(request));
    async function* lines() {
      yield csvLine(spec.columns);
      for await (const rows of spec.query(ctx.database.sql, range, config, teamId).cursor(CSV_BATCH)) {
        yield rows.map((row) => csvLine(spec.columns.map((c) => row[c] as string | number | null))).join('');
      }
    }
    const stamp = `${range.from.toISOString().slice(0, 10)}_${range.to.toISOString().slice(0, 10)}`;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}-${stamp}.csv"`)
      .send(Readable.from(lines()));
  });

  app.get('/api/reports/:name', { preHandler: guard }, async (request) => {
    const { name } = parseInput(nameParams, request.params, 'unknown report');
    const range = parseInput(reportQuery, request.query);
    const spec = REPORTS[name];
    const rows = await spec.query(ctx.database.sql, range, await readRfmConfig(ctx.database.sql), teamScope(principalOf(request)));
    return { report: name, from: range.from.toISOString(), to: range.to.toISOString(), tz: range.tz, bucket: spec.bucket, columns: spec.columns, rows };
  });
}
