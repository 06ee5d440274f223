// Idempotency-Key on every POST inside /api/v1 (api-v1.md §6), as hooks on the scope so no route can skip it:
// preHandler claims the key or replays the stored response; onSend stores what the route answered (or frees
// the key when the failure was ours, so a retry can run).
import type { FastifyInstance } from 'fastify';
import { IdempotencyService } from '../../services/idempotency.ts';
import { authOf } from './auth.ts';

interface Claim {
  apiKeyId: string;
  key: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when this request claimed an Idempotency-Key and must record its response. */
    idempotencyClaim: Claim | null;
  }
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';

export function registerIdempotency(scope: FastifyInstance, service: IdempotencyService): void {
  scope.decorateRequest('idempotencyClaim', null);

  scope.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return;
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined) return;
    const key = IdempotencyService.checkKey(Array.isArray(header) ? header.join(',') : header);
    const apiKeyId = authOf(request).key.id;
    const outcome = await service.begin({ apiKeyId, key, method: request.method, path: request.url, body: request.body });
    if (outcome.kind === 'replay') {
      const { status, type, body } = outcome.response;
      return reply.code(status).header('Idempotent-Replayed', 'true').type(type).send(body);
    }
    request.idempotencyClaim = { apiKeyId, key };
  });

  scope.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    request.idempotencyClaim = null;
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      await service.release(claim.apiKeyId, claim.key);
    } else {
      const type = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
      await service.complete(claim.apiKeyId, claim.key, { status: reply.statusCode, type, body: payload });
    }
    return payload;
  });
}
