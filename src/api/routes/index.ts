// Every resource plugin under /api/v1, registered inside the authenticated scope. Add a resource here.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Clock } from '../../limits/clock.ts';
import type { RateLimiter } from '../../limits/limiter.ts';
import type { QuotaReader } from '../../limits/quota-reader.ts';
import type { Services } from '../../services/index.ts';
import { keyRoutes } from './key/index.ts';

/** What resource plugins may use: the services (never the store directly), limits and time. */
export interface ApiContext {
  config: Config;
  services: Services;
  limiter: RateLimiter;
  quota: QuotaReader;
  clock: Clock;
}

export async function registerApiRoutes(api: FastifyInstance, context: ApiContext): Promise<void> {
  await api.register(keyRoutes, { quota: context.quota, clock: context.clock });
}
