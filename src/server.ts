// Builds the Fastify app. (Skeleton: the platform issue adds the plugins and routes.)
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';

export async function buildServer(_config: Config): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.get('/healthz', async () => ({ status: 'ok' }));
  return app;
}
