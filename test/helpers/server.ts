// A real server for API tests: a fresh database on the given engine, real services, a hand-moved clock,
// an in-process limiter (unless one is passed) and the JSON log lines captured for inspection.
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import { createManualClock, type ManualClock } from '../../src/limits/clock.ts';
import type { RateLimiter } from '../../src/limits/limiter.ts';
import { buildServer, type ServerDependencies } from '../../src/server.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import type { Mode, Scope } from '../../src/services/auth-types.ts';
import type { TestEngine } from './db.ts';

export interface TestServer {
  app: FastifyInstance;
  config: Config;
  services: Services;
  clock: ManualClock;
  /** Every log line the server wrote, raw. */
  logs: string[];
  /** A Pro user with a personal key holding `scopes`. */
  createKey(options?: { scopes?: Scope[]; mode?: Mode; expiresInDays?: number }): Promise<{ secret: string; keyId: string; userId: string }>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  env?: Record<string, string>;
  limiter?: RateLimiter;
  routes?: ServerDependencies['routes'];
}

let counter = 0;

export async function startTestServer(engine: TestEngine, options: TestServerOptions = {}): Promise<TestServer> {
  const database = await engine.createDatabase();
  const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'info', ...options.env });
  const clock = createManualClock(Date.now());
  let services: Services;
  try {
    services = await createServices(config, { now: () => new Date(clock.now()) });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const logs: string[] = [];
  let app: FastifyInstance;
  try {
    app = await buildServer(config, {
      services,
      clock,
      ...(options.limiter ? { limiter: options.limiter } : {}),
      ...(options.routes ? { routes: options.routes } : {}),
      logStream: { write: (line: string) => void logs.push(line) },
    });
    await app.ready();
  } catch (error) {
    // A server that fails to start must not leave its services (and their worker threads) behind.
    await services.close();
    await database.drop();
    throw error;
  }
  return {
    app,
    config,
    services,
    clock,
    logs,
    async createKey({ scopes = ['diagrams:read'], mode = 'live', expiresInDays } = {}) {
      const user = await services.accounts.createUser({
        email: `user${++counter}-${Date.now()}@example.com`,
        name: 'Test User',
        password: 'correct horse battery',
        plan: 'pro',
      });
      const { key, secret } = await services.keys.createKey({
        userId: user.id,
        name: 'test key',
        mode,
        scopes,
        ...(expiresInDays ? { expiresInDays } : {}),
      });
      return { secret, keyId: key.id, userId: user.id };
    },
    async close() {
      try {
        await app.close();
      } finally {
        await services.close();
        await database.drop();
      }
    },
  };
}

export function bearer(secret: string): { authorization: string } {
  return { authorization: `Bearer ${secret}` };
}
