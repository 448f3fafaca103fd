import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context';
import { actorId } from '../auth/principal';
import { principalOf, requireAuth } from '../http/auth-guard';
import { parseInput } from '../http/validate';
import { conflict, notFound } from '../http/errors';
import { csvLine } from '../reports/csv-text';
import { getImportStatus, listImports } from './import-progress';
import type { ImportKind } from './import-rows';
import { runImport } from './run-import';

// 1 GiB: a million customers is ~100 MB of CSV; the counter in runImport enforces it, because
// fastify does not apply bodyLimit to a parser that hands the raw stream through.
export const IMPORT_BODY_LIMIT = 1024 * 1024 * 1024;

const importQuery = z.object({
  /** Chosen by the console (crypto.randomUUID) so it can poll progress while the upload is still running. */
  id: z.uuid().optional(),
  fileName: z.string().trim().min(1).max(255).optional(),
});
const idParams = z.object({ id: z.uuid() });

export function registerImportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const admin = requireAuth(ctx, ['admin']);

  // An encapsulated scope: text/csv bodies are raw streams on these routes only.
  void app.register(async (scope) => {
    scope.addContentTypeParser(['text/csv', 'application/csv'], (_request, payload, done) => done(null, payload));

    for (const kind of ['customers', 'orders'] as const satisfies readonly ImportKind[]) {
      scope.post(`/api/imports/${kind}`, { preHandler: admin, bodyLimit: IMPORT_BODY_LIMIT }, async (request, reply) => {
        const query = parseInput(importQuery, request.query);
        const body = request.body;
        const stream = body instanceof Readable ? body : Readable.from(typeof body === 'string' ? [body] : []);
        const length = Number(request.headers['content-length']);
        const id = query.id ?? randomUUID();
        const [created] = await ctx.database.sql<{ id: string }[]>`
          insert into imports (id, kind, file_name, total_bytes, created_by)
          values (${id}, ${kind}, ${query.fileName ?? null}, ${Number.isSafeInteger(length) ? length : null}, ${actorId(principalOf(request))})
          on conflict (id) do nothing returning id`;
        if (!created) {
          stream.resume();
          throw conflict('an import with this id already exists', [{ path: 'id', message: 'already in use' }]);
        }
        const summary = await runImport(ctx, stream, { id, kind, maxBytes: IMPORT_BODY_LIMIT });
        if (summary.status === 'failed') return reply.status(422).send({ error: summary.error, ...summary });
        return reply.status(201).send(summary);
      });
    }
  });

  app.get('/api/imports', { preHandler: admin }, async () => ({
    imports: await listImports(ctx.database.sql, ctx.redis, ctx.config.REDIS_PREFIX),
  }));

  app.get('/api/imports/:id', { preHandler: admin }, async (request) => {
    const { id } = parseInput(idParams, request.params);
    const status = await getImportStatus(ctx.database.sql, ctx.redis, ctx.config.REDIS_PREFIX, id);
    if (!status) throw notFound('import not found');
    return status;
  });

  app.get('/api/imports/:id/errors.csv', { preHandler: admin }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params);
    const [row] = await ctx.database.sql`select 1 from imports where id = ${id}`;
    if (!row) throw notFound('import not found');
    const sql = ctx.database.sql;
    async function* lines() {
      yield csvLine(['row_number', 'error', 'raw']);
      const cursor = sql<{ row_number: number; error: string; raw: string | null }[]>`
        select row_number, error, raw from import_errors where import_id = ${id} order by row_number, id`.cursor(1000);
      for await (const rows of cursor) yield rows.map((r) => csvLine([r.row_number, r.error, r.raw])).join('');
    }
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="import-${id}-errors.csv"`)
      .send(Readable.from(lines()));
  });
}
