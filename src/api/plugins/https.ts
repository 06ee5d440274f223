// REQUIRE_HTTPS: refuse plain HTTP (as seen directly, or through X-Forwarded-Proto with TRUST_PROXY).
import type { FastifyInstance } from 'fastify';
import { InvalidRequestError } from '../../errors.ts';

/** Probes from a load balancer often speak plain HTTP inside the network. */
const PROBES = new Set(['/healthz', '/readyz']);

export function registerHttpsRequirement(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (request.protocol === 'https' || PROBES.has(request.url.split('?')[0] ?? '')) return;
    throw new InvalidRequestError('https_required', 'This API is only served over HTTPS: repeat the request with https://.');
  });
}
