// One JSON access line per request: request id (from the logger binding), method, route, status, duration.
// Headers are never logged, so neither keys nor cookies can reach the log; nor paths that hold a secret.
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The path holds a secret (a password reset token): the access line shows the route's pattern instead. */
    secretInPath?: boolean;
  }
}

export function registerAccessLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? null,
        path: request.routeOptions.config.secretInPath ? request.routeOptions.url : request.url.split('?')[0],
        status: reply.statusCode,
        duration_ms: Math.round(reply.elapsedTime * 100) / 100,
      },
      'request completed',
    );
  });
}
