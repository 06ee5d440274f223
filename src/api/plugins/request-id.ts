// Request ids: `req_` + 16 lowercase hex, generated here (never taken from the client), on every response.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export function createRequestId(): string {
  return `req_${randomBytes(8).toString('hex')}`;
}

export function registerRequestIdHeader(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
}
