import next from 'next';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../logger';

const API_PREFIXES = ['/api/', '/webhooks/', '/socket.io/', '/healthz'];

/**
 * Hands every request that is not API, webhook or socket.io to Next.js. Security headers set by
 * Fastify hooks are copied onto the raw response first, since a hijacked reply skips them.
 */
export async function mountConsole(app: FastifyInstance, opts: { dev: boolean; dir: string; logger: Logger }): Promise<() => Promise<void>> {
  const nextApp = next({ dev: opts.dev, dir: opts.dir, quiet: !opts.dev });
  await nextApp.prepare();
  const handle = nextApp.getRequestHandler();
  const upgrade = nextApp.getUpgradeHandler();

  app.setNotFoundHandler(async (request, reply) => {
    if (API_PREFIXES.some((p) => request.url.startsWith(p))) return reply.status(404).send({ error: 'not found' });
    for (const [key, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(key, value);
    reply.hijack();
    await handle(request.raw, reply.raw);
  });

  // Dev-mode hot reload speaks WebSocket on /_next; socket.io keeps /socket.io for itself.
  app.server.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/_next/')) void upgrade(req, socket, head);
  });

  return () => nextApp.close();
}
