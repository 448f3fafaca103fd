import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';

/** Thrown anywhere in a request; becomes JSON `{error, details?}` with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, details?: unknown) => new HttpError(400, message, details);
export const unauthorized = (message = 'authentication required') => new HttpError(401, message);
export const forbidden = (message = 'forbidden') => new HttpError(403, message);
export const notFound = (message = 'not found') => new HttpError(404, message);
export const conflict = (message: string, details?: unknown) => new HttpError(409, message, details);

export function zodDetails(error: ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError | ZodError, request, reply) => {
    if (error instanceof HttpError) {
      for (const [k, v] of Object.entries(error.headers)) reply.header(k, v);
      return reply.status(error.status).send({ error: error.message, ...(error.details !== undefined && { details: error.details }) });
    }
    if (error instanceof ZodError) {
      return reply.status(400).send({ error: 'invalid request', details: zodDetails(error) });
    }
    let status = (error as FastifyError).statusCode ?? 500;
    // A provider that sends a body we cannot read has sent a malformed webhook: 400, as the contract says.
    if (status === 415 && request.url.startsWith('/webhooks/')) status = 400;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const message =
      status === 413 ? 'request body too large' : status === 415 ? 'unsupported content type' : status >= 500 ? 'internal error' : error.message;
    return reply.status(status).send({ error: message });
  });
}

/** API-only processes answer every unknown path with the JSON error; with the console mounted, Next.js does. */
export function registerJsonNotFound(app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ error: 'not found' }));
}
