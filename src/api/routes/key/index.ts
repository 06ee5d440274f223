// GET /key: who am I — the calling key, its owner and plan, and its burst and generation-quota usage.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Clock } from '../../../limits/clock.ts';
import type { QuotaReader } from '../../../limits/quota-reader.ts';
import { apiKeyObject } from '../../../services/api-key-object.ts';
import { authOf } from '../../plugins/auth.ts';
import { described } from '../../schemas.ts';
import { ApiKeySchema } from './schemas.ts';

export interface KeyRouteDependencies {
  quota: QuotaReader;
  clock: Clock;
}

export async function keyRoutes(app: FastifyInstance, deps: KeyRouteDependencies): Promise<void> {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/key',
    {
      schema: {
        summary: 'Retrieve the calling API key',
        operationId: 'getKey',
        tags: ['key'],
        response: { 200: described(ApiKeySchema, 'The key: its mode, scopes, owner and usage.') },
      },
      config: { scopes: [] },
    },
    async (request) => {
      const { key } = authOf(request);
      const quota = await deps.quota.read(key.id, new Date(deps.clock.now()));
      const burst = request.burst;
      return {
        ...apiKeyObject(key),
        plan: key.plan,
        usage: {
          burst: { limit: burst?.limit ?? 0, remaining: burst?.remaining ?? 0, reset: burst?.resetSeconds ?? 0 },
          generation_quota: {
            limit: quota.limit,
            used: quota.used,
            remaining: quota.remaining,
            window_days: quota.windowDays,
            reset: quota.resetSeconds,
          },
        },
      };
    },
  );
}
