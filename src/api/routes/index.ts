// Every resource plugin under /api/v1, registered inside the authenticated scope. Add a resource here.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Clock } from '../../limits/clock.ts';
import type { RateLimiter } from '../../limits/limiter.ts';
import type { Services } from '../../services/index.ts';
import { keyRoutes } from './key/index.ts';
import { CursorCodec } from '../pagination.ts';
import { registerIdempotency } from '../plugins/idempotency.ts';
import { diagramRoutes } from './diagrams/index.ts';
import { diagramVersionRoutes } from './diagram-versions/index.ts';
import { folderRoutes } from './folders/index.ts';
import { generationRoutes } from './generations/index.ts';

/** What resource plugins may use: the services (never the store directly), limits and time. */
export interface ApiContext {
  config: Config;
  services: Services;
  limiter: RateLimiter;
  clock: Clock;
  /** SESSION_SECRET, or this process's own when unset. */
  secret: string;
}

export async function registerApiRoutes(api: FastifyInstance, context: ApiContext): Promise<void> {
  // GET /key reports the metered quota: the ledger the generation service charges.
  await api.register(keyRoutes, { quota: context.services.quota, clock: context.clock });
  // On the whole scope: every POST, present and future, honours Idempotency-Key.
  registerIdempotency(api, context.services.idempotency);
  // Cursors are checksummed with a key derived from the shared secret: every process sharing it accepts them.
  const cursors = new CursorCodec(context.secret);
  await api.register(folderRoutes, { folders: context.services.folders, cursors });
  const { generations, diagrams, images, idempotency } = context.services;
  await api.register(diagramRoutes, { diagrams, images, cursors, generations, idempotency });
  await api.register(diagramVersionRoutes, { versions: context.services.versions, cursors });
  await api.register(generationRoutes, { generations, diagrams, images, idempotency, cursors });
}
