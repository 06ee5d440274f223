// Liveness and readiness, outside /api/v1 and without auth: for load balancers and orchestrators.
import type { FastifyInstance } from 'fastify';
import type { RateLimiter } from '../../../limits/limiter.ts';
import { ServiceUnavailableError } from '../../../errors.ts';

export interface HealthDependencies {
  database: { ping(): Promise<void> };
  limiter: RateLimiter;
  /** Longest a readiness check may take before it counts as down. */
  timeoutMs?: number;
}

export async function healthRoutes(app: FastifyInstance, deps: HealthDependencies): Promise<void> {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async () => {
    const timeoutMs = deps.timeoutMs ?? 2000;
    const [database, limiter] = await Promise.all([
      check(() => deps.database.ping(), timeoutMs),
      check(() => deps.limiter.ping(), timeoutMs),
    ]);
    const down = [database ? null : 'database', limiter ? null : 'rate-limit store'].filter((name) => name !== null);
    if (down.length > 0) throw new ServiceUnavailableError(`Not ready: ${down.join(' and ')} unreachable.`);
    return { status: 'ok', checks: { database: 'ok', limiter: 'ok' } };
  });
}

async function check(probe: () => Promise<void>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([probe().then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
