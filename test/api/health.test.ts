import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { RedisRateLimiter } from '../../src/limits/redis.ts';
import { buildServer } from '../../src/server.ts';
import { createServices } from '../../src/services/index.ts';
import { testEngines } from '../helpers/db.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const engines = await testEngines();

describe.each(engines)('health routes on $name', (engine) => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('answers /healthz and /readyz without a key and without rate-limit headers', async () => {
    server = await startTestServer(engine);
    const live = await server.app.inject({ url: '/healthz' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });
    const ready = await server.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', limiter: 'ok' } });
    expect(ready.headers['ratelimit-limit']).toBeUndefined();
  });

  it('answers /readyz 503 in the envelope when the limiter store is unreachable', async () => {
    const limiter = new RedisRateLimiter({ max: 120, windowMs: 60_000, url: 'redis://127.0.0.1:1' });
    server = await startTestServer(engine, { limiter });
    const res = await server.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toEqual({
      type: 'api_error',
      code: 'service_unavailable',
      message: 'Not ready: rate-limit store unreachable.',
      param: null,
    });
    await limiter.close();
  });

  it('answers /readyz 503 when the database is unreachable', async () => {
    const database = await engine.createDatabase();
    const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
    const services = await createServices(config);
    const app = await buildServer(config, { services });
    try {
      // A closed pool (or SQLite handle) answers no query, like a database that went away.
      await services.store.close();
      const res = await app.inject({ url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.message).toBe('Not ready: database unreachable.');
    } finally {
      await app.close();
      await database.drop();
    }
  });
});

describe('an unreachable rate-limit store', () => {
  it('makes API requests fail fast with 503 service_unavailable, not hang or 500', async () => {
    const limiter = new RedisRateLimiter({ max: 120, windowMs: 60_000, url: 'redis://127.0.0.1:1' });
    const server = await startTestServer(engines[0]!, { limiter });
    try {
      const started = Date.now();
      const res = await server.app.inject({ url: '/api/v1/key' });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json().error).toMatchObject({ type: 'api_error', code: 'service_unavailable' });
      expect(server.logs.some((line) => line.includes('rate-limit store unreachable'))).toBe(true);
    } finally {
      await server.close();
      await limiter.close();
    }
  });
});
