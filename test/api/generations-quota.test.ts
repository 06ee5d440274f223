// The generation quota at its edge: many concurrent requests never overspend it, on SQLite and on Postgres with
// two server instances sharing one schema; 429 quota_exceeded carries Retry-After; failures cost nothing.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildServer } from '../../src/server.ts';
import { SCOPES } from '../../src/services/auth-types.ts';
import { createServices, type Services } from '../../src/services/index.ts';
import { testEngines, type TestDatabase } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const engines = await testEngines();
const QUOTA = 5;
const WINDOW_SECONDS = 30 * 86_400;
const PROMPT = 'The clerk checks the invoice. Then the clerk pays the invoice.';

describe.each(engines)('generation quota on $name', (engine) => {
  let server: TestServer;
  afterEach(() => server.close());

  const generate = (secret: string, prompt = PROMPT) =>
    server.app.inject({ method: 'POST', url: '/api/v1/generations', headers: bearer(secret), payload: { prompt } });
  const quotaOf = async (secret: string) =>
    (await server.app.inject({ url: '/api/v1/key', headers: bearer(secret) })).json().usage.generation_quota;

  it(`lets exactly ${QUOTA} of 20 concurrent generations through, the rest 429 with Retry-After`, async () => {
    server = await startTestServer(engine, { env: { GENERATION_QUOTA: String(QUOTA), LOG_LEVEL: 'silent' } });
    const { secret } = await server.createKey({ scopes: ['generate'] });
    const responses = await Promise.all(Array.from({ length: 20 }, () => generate(secret)));
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(QUOTA);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - QUOTA);
    for (const res of responses.filter((r) => r.statusCode === 429)) {
      expect(res.json().error).toMatchObject({ type: 'rate_limit_error', code: 'quota_exceeded', param: null });
      // Every counted generation happened at the (hand-held) clock's now: the oldest leaves in exactly 30 days.
      expect(res.headers['retry-after']).toBe(String(WINDOW_SECONDS));
    }
    expect(await quotaOf(secret)).toEqual({ limit: QUOTA, used: QUOTA, remaining: 0, window_days: 30, reset: WINDOW_SECONDS });
    const listed = (await server.app.inject({ url: '/api/v1/generations?limit=100', headers: bearer(secret) })).json();
    expect(listed.data).toHaveLength(QUOTA);

    // Another key of the same owner has its own quota.
    const other = await server.createKey({ scopes: ['generate'] });
    expect((await generate(other.secret)).statusCode).toBe(201);
  });

  it('is a rolling window: Retry-After counts down, and generations come back as they age out', async () => {
    server = await startTestServer(engine, { env: { GENERATION_QUOTA: '2', LOG_LEVEL: 'silent' } });
    const { secret } = await server.createKey({ scopes: ['generate'] });
    expect((await generate(secret)).statusCode).toBe(201);
    server.clock.advance(10 * 86_400_000);
    expect((await generate(secret)).statusCode).toBe(201);
    server.clock.advance(5_000);
    const refused = await generate(secret);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe(String(20 * 86_400 - 5));
    server.clock.advance((20 * 86_400 - 5) * 1000);
    expect((await generate(secret)).statusCode).toBe(201);
    expect(await quotaOf(secret)).toMatchObject({ used: 2, remaining: 0, reset: 10 * 86_400 });
  });

  it('charges nothing for failures, even at the edge', async () => {
    server = await startTestServer(engine, { env: { GENERATION_QUOTA: '1', LOG_LEVEL: 'silent' } });
    const { secret } = await server.createKey({ scopes: ['generate'] });
    for (const prompt of ['   ', 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.']) {
      expect((await generate(secret, prompt)).statusCode).toBe(422);
    }
    expect(await quotaOf(secret)).toMatchObject({ used: 0, remaining: 1, reset: null });
    expect((await generate(secret)).statusCode).toBe(201);
    expect((await generate(secret)).statusCode).toBe(429);
  });
});

const postgres = engines.find((e) => e.name === 'postgres');

describe.skipIf(!postgres)('generation quota across two server instances on one Postgres schema', () => {
  let database: TestDatabase;
  const apps: FastifyInstance[] = [];
  const services: Services[] = [];

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    for (const s of services.splice(0)) await s.close();
    await database.drop();
  });

  it(`never overspends: 20 concurrent requests split between them, exactly ${QUOTA} succeed`, async () => {
    database = await postgres!.createDatabase();
    const config = loadConfig({ DATABASE_URL: database.url, GENERATION_QUOTA: String(QUOTA), LOG_LEVEL: 'silent', RENDER_WORKERS: '1' });
    const urls: string[] = [];
    for (let i = 0; i < 2; i++) {
      const s = await createServices(config);
      services.push(s);
      const app = await buildServer(config, { services: s });
      apps.push(app);
      await app.listen({ port: 0, host: '127.0.0.1' });
      urls.push(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`);
    }
    const user = await services[0]!.accounts.createUser({ email: 'two-servers@example.com', name: 'Pat', password: 'correct horse battery', plan: 'pro' });
    const { secret } = await services[0]!.keys.createKey({ userId: user.id, name: 'k', mode: 'live', scopes: [...SCOPES] });
    const headers = { ...bearer(secret), 'content-type': 'application/json' };

    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${urls[i % 2]}/generations`, { method: 'POST', headers, body: JSON.stringify({ prompt: PROMPT }) }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(QUOTA);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - QUOTA);
    for (const res of responses.filter((r) => r.status === 429)) {
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(WINDOW_SECONDS - 120);
      expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('quota_exceeded');
    }
    // Both instances read the same ledger.
    for (const url of urls) {
      const body = (await (await fetch(`${url}/key`, { headers })).json()) as { usage: { generation_quota: object } };
      const quota = body.usage.generation_quota;
      expect(quota).toMatchObject({ limit: QUOTA, used: QUOTA, remaining: 0 });
    }
  });
});
