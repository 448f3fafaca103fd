import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import type { Env } from './config/env';
import { createLogger, type Logger } from './logger';
import { registerSocketHandlers } from './realtime/socket-handlers';
import { startWorkers, type WorkerRuntime } from '../workers/runtime';
import { registerErrorHandler, registerJsonNotFound } from './http/errors';
import { registerBodyParsers } from './http/body-parsers';
import { registerSecurityHeaders } from './http/security-headers';
import { registerRoutes } from './http/routes';
import { createServices, type Services } from './services';
import type { AppContext } from './context';
import { createContext } from './create-context';
import { mountConsole } from './http/console';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface SwitchboardOptions {
  /** Serve the Next.js console: 'production' needs `npm run build` first. Off in API-only tests. */
  console?: 'dev' | 'production' | false;
  /** Run BullMQ workers in this process (defaults to WORKERS=inline). */
  workers?: boolean;
  logger?: Logger;
}

export interface Switchboard {
  app: FastifyInstance;
  ctx: AppContext;
  services: Services;
  /** Listens on HOST:PORT (PORT=0 picks a free port); resolves to the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

const BODY_LIMIT = 1024 * 1024; // 1 MiB: webhooks and API bodies are small; imports stream on their own route

export async function createSwitchboard(config: Env, options: SwitchboardOptions = {}): Promise<Switchboard> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);

  const app: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT,
    // Per-request logs would cost the webhook hot path; errors and domain events are logged instead.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  await app.register(cookie);
  registerBodyParsers(app);
  registerSecurityHeaders(app, options.console === 'dev');
  registerErrorHandler(app);

  const context = await createContext(config, logger, app.server);
  const { ctx } = context;
  const { realtime } = ctx;
  const services = createServices(ctx);
  registerSocketHandlers(ctx, realtime.io, services.socketHooks);
  registerRoutes(app, ctx, services);

  let closeConsole: (() => Promise<void>) | undefined;
  if (options.console) closeConsole = await mountConsole(app, { dev: options.console === 'dev', dir: projectRoot, logger });
  else registerJsonNotFound(app);

  let workers: WorkerRuntime | undefined;
  if (options.workers ?? config.WORKERS === 'inline') workers = startWorkers(ctx);
  await services.start();

  let closing: Promise<void> | undefined;
  return {
    app,
    ctx,
    services,
    async listen() {
      await app.listen({ host: config.HOST, port: config.PORT });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.PORT;
      return `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
    },
    close() {
      closing ??= (async () => {
        await services.stop();
        await workers?.close();
        realtime.io.local.disconnectSockets(true);
        await app.close();
        await closeConsole?.();
        await context.close();
      })();
      return closing;
    },
  };
}
