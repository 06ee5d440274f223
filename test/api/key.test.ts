import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rfc3339 } from '../../src/services/timestamps.ts';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const engines = await testEngines();

describe.each(engines)('GET /api/v1/key on $name', (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(engine, { env: { GENERATION_QUOTA: '250', GENERATION_QUOTA_WINDOW_DAYS: '30' } });
  });
  afterEach(() => server.close());

  it('describes the calling key, its owner, plan and usage, with the rate-limit headers', async () => {
    const { secret, keyId, userId } = await server.createKey({ scopes: ['diagrams:read', 'generate'], expiresInDays: 30 });
    const res = await server.app.inject({ url: '/api/v1/key', headers: bearer(secret) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['ratelimit-limit']).toBe('120');
    expect(res.headers['ratelimit-remaining']).toBe('119');
    expect(res.headers['ratelimit-reset']).toBe('60');
    const now = rfc3339(server.clock.now());
    expect(res.json()).toEqual({
      object: 'api_key',
      id: keyId,
      name: 'test key',
      mode: 'live',
      livemode: true,
      scopes: ['diagrams:read', 'generate'],
      owner: { type: 'user', id: userId },
      created_by: userId,
      plan: 'pro',
      created_at: now,
      expires_at: rfc3339(server.clock.now() + 30 * 86_400_000),
      last_used_at: null,
      usage: {
        burst: { limit: 120, remaining: 119, reset: 60 },
        generation_quota: { limit: 250, used: 0, remaining: 250, window_days: 30, reset: null },
      },
    });
    expect(JSON.stringify(res.json())).not.toContain(secret.slice(12));
  });

  it('tells live and test keys apart', async () => {
    const live = await server.createKey({ mode: 'live' });
    const test = await server.createKey({ mode: 'test' });
    expect(live.secret.startsWith('jfi_sk_live_')).toBe(true);
    expect(test.secret.startsWith('jfi_sk_test_')).toBe(true);
    const liveBody = (await server.app.inject({ url: '/api/v1/key', headers: bearer(live.secret) })).json();
    const testBody = (await server.app.inject({ url: '/api/v1/key', headers: bearer(test.secret) })).json();
    expect([liveBody.mode, liveBody.livemode]).toEqual(['live', true]);
    expect([testBody.mode, testBody.livemode]).toEqual(['test', false]);
    expect(testBody.id).not.toBe(liveBody.id);
  });

  it('counts burst usage per key', async () => {
    const a = await server.createKey();
    const b = await server.createKey();
    for (let i = 0; i < 3; i++) await server.app.inject({ url: '/api/v1/key', headers: bearer(a.secret) });
    const resA = await server.app.inject({ url: '/api/v1/key', headers: bearer(a.secret) });
    const resB = await server.app.inject({ url: '/api/v1/key', headers: bearer(b.secret) });
    expect(resA.json().usage.burst.remaining).toBe(116);
    expect(resB.json().usage.burst.remaining).toBe(119);
  });

  it('shows last_used_at from the previous request', async () => {
    const { secret } = await server.createKey();
    await server.app.inject({ url: '/api/v1/key', headers: bearer(secret) });
    await server.services.keys.settle();
    const used = server.clock.now();
    server.clock.advance(5_000);
    const res = await server.app.inject({ url: '/api/v1/key', headers: bearer(secret) });
    expect(res.json().last_used_at).toBe(rfc3339(used));
  });
});
