import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { loadConfig } from '../../src/config.ts';
import { RedisRateLimiter } from '../../src/limits/redis.ts';
import { buildServer, startServer, type RunningServer } from '../../src/server.ts';
import { createServices } from '../../src/services/index.ts';
import { testEngines, type TestDatabase } from '../helpers/db.ts';
import { bearer, startTestServer } from '../helpers/server.ts';

const [sqlite] = await testEngines();
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function portOf(running: RunningServer): number {
  return (running.app.server.address() as AddressInfo).port;
}

describe('startServer', () => {
  let database: TestDatabase | null = null;
  afterEach(async () => {
    await database?.drop();
    database = null;
  });

  it('serves real HTTP, then stops accepting and finishes in-flight requests on close', async () => {
    database = await sqlite!.createDatabase();
    const config = loadConfig({ DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'silent' });
    let release: () => void = () => {};
    const running = await startServer(config, {
      routes: async (api) => {
        api.get('/slow', async () => {
          await new Promise<void>((resolve) => (release = resolve));
          return { done: true };
        });
      },
    });
    const base = `http://127.0.0.1:${portOf(running)}`;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{16}$/);

    // The slow route answers 401 without a key, so give it one.
    const services = await createServices(config);
    const user = await services.accounts.createUser({ email: 'slow@example.com', name: 'S', password: 'correct horse battery', plan: 'pro' });
    const { secret } = await services.keys.createKey({ userId: user.id, name: 'k', mode: 'live', scopes: ['diagrams:read'] });
    await services.close();

    const inFlight = fetch(`${base}/api/v1/slow`, { headers: bearer(secret) });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const closing = running.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    await closing;
    expect(running.app.server.listening).toBe(false);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it('terminates TLS itself when given a certificate and key', async () => {
    database = await sqlite!.createDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfi-tls-'));
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'], {
      stdio: 'ignore',
    });
    const config = loadConfig({ DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'silent', TLS_CERT_PATH: cert, TLS_KEY_PATH: key, REQUIRE_HTTPS: 'true' });
    const running = await startServer(config);
    try {
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        https
          .get({ host: '127.0.0.1', port: portOf(running), path: '/api/v1/key', rejectUnauthorized: false }, (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          })
          .on('error', reject);
      });
      expect(status).toBe(401);
      expect(JSON.parse(body).error.code).toBe('missing_api_key');
    } finally {
      await running.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start with half a TLS configuration', async () => {
    database = await sqlite!.createDatabase();
    const config = loadConfig({ DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'silent', TLS_CERT_PATH: '/nonexistent.pem' });
    await expect(startServer(config)).rejects.toThrow(/TLS_KEY_PATH/);
  });
});

describe('SESSION_SECRET', () => {
  it('is required to start with Postgres or Redis configured, and must be long enough', async () => {
    const shared = [
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/never', PORT: '0', LOG_LEVEL: 'silent' },
      { DATABASE_URL: 'sqlite:/nonexistent/never.sqlite', REDIS_URL: 'redis://127.0.0.1:1', PORT: '0', LOG_LEVEL: 'silent' },
    ];
    // Refused before anything is opened: neither address is ever reachable.
    for (const env of shared) await expect(startServer(loadConfig(env))).rejects.toThrow(/SESSION_SECRET is required/);
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET must be at least 32 characters/);
  });

  it('keys cursors: processes sharing it accept each other’s cursors, processes without it do not', async () => {
    const pageCursor = async (app: FastifyInstance, secret: string) => {
      for (const name of ['one', 'two']) await app.inject({ method: 'POST', url: '/api/v1/folders', headers: bearer(secret), payload: { name } });
      return ((await app.inject({ url: '/api/v1/folders?limit=1', headers: bearer(secret) })).json() as { next_cursor: string }).next_cursor;
    };
    for (const env of [{ SESSION_SECRET: 'a-secret-shared-by-both-processes-0123' }, {}] as Record<string, string>[]) {
      const a = await startTestServer(sqlite!, { env: { ...env, LOG_LEVEL: 'silent' } });
      const servicesB = await createServices(a.config);
      const b = await buildServer(a.config, { services: servicesB, logStream: { write: () => {} } });
      try {
        const { secret } = await a.createKey({ scopes: ['folders:read', 'folders:write'] });
        const cursor = await pageCursor(a.app, secret);
        const onB = await b.inject({ url: `/api/v1/folders?limit=1&cursor=${cursor}`, headers: bearer(secret) });
        expect(onB.statusCode, JSON.stringify(env)).toBe('SESSION_SECRET' in env ? 200 : 400);
      } finally {
        await b.close();
        await servicesB.close();
        await a.close();
      }
    }
  });
});

const redisUp = await new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false })
  .connect()
  .then(
    () => true,
    () => false,
  );
if (!redisUp) {
  if (process.env.CI === 'true') throw new Error(`Redis at ${REDIS_URL} is unreachable and CI=true.`);
  console.warn(`Skipping the shared-limit server test: Redis at ${REDIS_URL} is unreachable.`);
}

describe.skipIf(!redisUp)('two server processes sharing Redis', () => {
  it('hold one burst limit between them', async () => {
    const prefix = `jfi-test:${randomBytes(6).toString('hex')}:`;
    const window = { max: 5, windowMs: 60_000, url: REDIS_URL, keyPrefix: prefix };
    const limiterA = new RedisRateLimiter(window);
    const limiterB = new RedisRateLimiter(window);
    const a = await startTestServer(sqlite!, { limiter: limiterA, env: { RATE_LIMIT_MAX: '5' } });
    const servicesB = await createServices(a.config);
    const b = await buildServer(a.config, { services: servicesB, limiter: limiterB, logStream: { write: () => {} } });
    try {
      const { secret } = await a.createKey();
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const res = await (i % 2 === 0 ? a.app : b).inject({ url: '/api/v1/key', headers: bearer(secret) });
        statuses.push(res.statusCode);
      }
      expect(statuses.filter((s) => s === 200)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    } finally {
      await b.close();
      await servicesB.close();
      await a.close();
      await limiterA.close();
      await limiterB.close();
    }
  });
});
