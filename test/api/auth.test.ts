import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { generateKey } from '../../src/services/key-format.ts';
import { authOf } from '../../src/api/plugins/auth.ts';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const engines = await testEngines();

/** A route that needs diagrams:write, to exercise the scope check. */
async function scopedRoute(api: FastifyInstance): Promise<void> {
  api.get('/scoped', { config: { scopes: ['diagrams:write'] } }, async (request) => ({ tenant: authOf(request).tenant }));
  api.get('/whoami', { config: { scopes: [] } }, async (request) => ({ mode: authOf(request).mode, tenant: authOf(request).tenant }));
  api.get('/generating', { config: { scopes: ['diagrams:write', 'generate'] } }, async () => ({}));
}

function expectEnvelope(body: string, type: string, code: string): { message: string; param: string | null } {
  const parsed = JSON.parse(body) as { error: { type: string; code: string; message: string; param: string | null }; request_id: string };
  expect(parsed.error.type).toBe(type);
  expect(parsed.error.code).toBe(code);
  expect(parsed.request_id).toMatch(/^req_[0-9a-f]{16}$/);
  return parsed.error;
}

describe.each(engines)('API authentication on $name', (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(engine, { routes: scopedRoute });
  });
  afterEach(() => server.close());

  const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers });

  it('answers 401 missing_api_key with WWW-Authenticate and rate-limit headers when no key is sent', async () => {
    const res = await get('/api/v1/key');
    expect(res.statusCode).toBe(401);
    expectEnvelope(res.body, 'authentication_error', 'missing_api_key');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="api"');
    expect(res.headers['ratelimit-limit']).toBe('120');
    expect(res.headers['ratelimit-remaining']).toBe('119');
    expect(res.headers['x-request-id']).toBe(JSON.parse(res.body).request_id);
  });

  it.each([
    ['a key with a bad checksum', () => `${generateKey('live').slice(0, -1)}x`],
    ['a well-formed key nobody issued', () => generateKey('live')],
    ['a non-Bearer scheme', () => null],
    ['garbage', () => 'not a key at all'],
    ['an enormous header', () => 'a'.repeat(10_000)],
  ])('answers 401 invalid_api_key with error="invalid_token" for %s', async (_name, make) => {
    const key = make();
    const res = await get('/api/v1/key', key === null ? { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } : bearer(key));
    expect(res.statusCode).toBe(401);
    expectEnvelope(res.body, 'authentication_error', 'invalid_api_key');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="api", error="invalid_token"');
  });

  it('answers 401 revoked_api_key for a revoked key', async () => {
    const { secret, keyId } = await server.createKey();
    await server.services.keys.revokeAnyKey(keyId);
    const res = await get('/api/v1/key', bearer(secret));
    expect(res.statusCode).toBe(401);
    expectEnvelope(res.body, 'authentication_error', 'revoked_api_key');
  });

  it('refuses a key on the very next request after it is revoked or its plan lapses', async () => {
    const revoked = await server.createKey();
    expect((await get('/api/v1/key', bearer(revoked.secret))).statusCode).toBe(200);
    await server.services.keys.revokeAnyKey(revoked.keyId);
    expectEnvelope((await get('/api/v1/key', bearer(revoked.secret))).body, 'authentication_error', 'revoked_api_key');

    const lapsed = await server.createKey();
    expect((await get('/api/v1/key', bearer(lapsed.secret))).statusCode).toBe(200);
    await server.services.accounts.setUserPlan(lapsed.userId, 'free');
    expectEnvelope((await get('/api/v1/key', bearer(lapsed.secret))).body, 'permission_error', 'plan_required');
  });

  it('answers 401 expired_api_key once the expiry passes, not before', async () => {
    const { secret } = await server.createKey({ expiresInDays: 1 });
    expect((await get('/api/v1/key', bearer(secret))).statusCode).toBe(200);
    server.clock.advance(86_400_000);
    const res = await get('/api/v1/key', bearer(secret));
    expect(res.statusCode).toBe(401);
    expectEnvelope(res.body, 'authentication_error', 'expired_api_key');
  });

  it('answers 403 plan_required when a personal key owner falls back to the free plan', async () => {
    const { secret, userId } = await server.createKey();
    await server.services.accounts.setUserPlan(userId, 'free');
    const res = await get('/api/v1/key', bearer(secret));
    expect(res.statusCode).toBe(403);
    expectEnvelope(res.body, 'permission_error', 'plan_required');
  });

  describe('organization keys', () => {
    async function orgKey() {
      const owner = await server.services.accounts.createUser({ email: `o${Date.now()}@example.com`, name: 'Owner', password: 'correct horse battery' });
      const member = await server.services.accounts.createUser({ email: `m${Date.now()}@example.com`, name: 'Member', password: 'correct horse battery' });
      const org = await server.services.accounts.createOrganization(owner.id, 'Acme', 'team');
      await server.services.accounts.addMember(org.id, member.email, 'member', 'operator');
      const { secret } = await server.services.keys.createKey({
        userId: member.id,
        organizationId: org.id,
        name: 'org key',
        mode: 'live',
        scopes: ['diagrams:read'],
      });
      return { secret, org, member };
    }

    it('act on the organization while its plan is Team and the creator is a member', async () => {
      const { secret, org } = await orgKey();
      const res = await get('/api/v1/key', bearer(secret));
      expect(res.statusCode).toBe(200);
      expect(res.json().owner).toEqual({ type: 'organization', id: org.id });
    });

    it('answer 403 plan_required when the organization plan lapses', async () => {
      const { secret, org } = await orgKey();
      await server.services.accounts.setOrganizationPlan(org.id, 'free');
      const res = await get('/api/v1/key', bearer(secret));
      expect(res.statusCode).toBe(403);
      expectEnvelope(res.body, 'permission_error', 'plan_required');
    });

    it('answer 401 revoked_api_key once the creator leaves the organization, saying so and naming nobody', async () => {
      const { secret, org, member } = await orgKey();
      await server.services.accounts.removeMember(org.id, member.email, 'operator');
      const res = await get('/api/v1/key', bearer(secret));
      expect(res.statusCode).toBe(401);
      const error = expectEnvelope(res.body, 'authentication_error', 'revoked_api_key');
      expect(error.message).toBe('This API key has been revoked: the member who created it left the organization. Ask a member to create a new key.');
      expect(res.body).not.toContain(member.email);
      expect(res.body).not.toContain(org.id);
    });
  });

  it('answers 403 insufficient_scope naming the missing scope', async () => {
    const { secret } = await server.createKey({ scopes: ['diagrams:read'] });
    const res = await get('/api/v1/scoped', bearer(secret));
    expect(res.statusCode).toBe(403);
    const error = expectEnvelope(res.body, 'permission_error', 'insufficient_scope');
    expect(error.message).toBe('This API key is missing the required scope: diagrams:write.');
  });

  it('names every missing scope', async () => {
    const { secret } = await server.createKey({ scopes: ['folders:read'] });
    const res = await get('/api/v1/generating', bearer(secret));
    expect(expectEnvelope(res.body, 'permission_error', 'insufficient_scope').message).toBe(
      'This API key is missing the required scopes: diagrams:write, generate.',
    );
  });

  it('lets a key with the scope through and hands the handler its tenant', async () => {
    const { secret, userId } = await server.createKey({ scopes: ['diagrams:read', 'diagrams:write'] });
    const res = await get('/api/v1/scoped', bearer(secret));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ tenant: { kind: 'user', id: userId } });
  });

  it('hands handlers the key mode, so live and test data stay apart', async () => {
    const live = await server.createKey({ mode: 'live' });
    const test = await server.createKey({ mode: 'test' });
    expect((await get('/api/v1/whoami', bearer(live.secret))).json()).toEqual({ mode: 'live', tenant: { kind: 'user', id: live.userId } });
    expect((await get('/api/v1/whoami', bearer(test.secret))).json()).toEqual({ mode: 'test', tenant: { kind: 'user', id: test.userId } });
  });

  it('checks the plan before the scope', async () => {
    const { secret, userId } = await server.createKey({ scopes: ['diagrams:read'] });
    await server.services.accounts.setUserPlan(userId, 'free');
    const res = await get('/api/v1/scoped', bearer(secret));
    expectEnvelope(res.body, 'permission_error', 'plan_required');
  });

  it('authenticates before answering 404 for an unknown /api/v1 route', async () => {
    expect((await get('/api/v1/nope')).statusCode).toBe(401);
    const { secret } = await server.createKey();
    const res = await get('/api/v1/nope', bearer(secret));
    expect(res.statusCode).toBe(404);
    expectEnvelope(res.body, 'not_found_error', 'resource_not_found');
    expect(res.headers['ratelimit-limit']).toBe('120');
  });

  it('records last_used_at on success', async () => {
    const { secret, userId } = await server.createKey();
    expect((await get('/api/v1/key', bearer(secret))).statusCode).toBe(200);
    await server.services.keys.settle();
    const [record] = await server.services.keys.listKeys({ kind: 'user', id: userId });
    expect(record?.lastUsedAt?.getTime()).toBe(server.clock.now());
  });
});

describe.each(engines)('burst limit on $name', (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(engine, { env: { RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' }, routes: scopedRoute });
  });
  afterEach(() => server.close());

  it('answers 429 rate_limit_exceeded with Retry-After after the limit, per key, before the plan check', async () => {
    const { secret, userId } = await server.createKey();
    await server.services.accounts.setUserPlan(userId, 'free');
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await server.app.inject({ url: '/api/v1/key', headers: bearer(secret) });
      expect(res.statusCode).toBe(403);
      remaining.push(String(res.headers['ratelimit-remaining']));
      server.clock.advance(10_000);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await server.app.inject({ url: '/api/v1/key', headers: bearer(secret) });
    expect(limited.statusCode).toBe(429);
    expectEnvelope(limited.body, 'rate_limit_error', 'rate_limit_exceeded');
    // The first request was 30 s ago: its slot frees in 30 s.
    expect(limited.headers['retry-after']).toBe('30');
    expect(limited.headers['ratelimit-reset']).toBe('30');
    expect(limited.headers['ratelimit-remaining']).toBe('0');

    const other = await server.createKey();
    expect((await server.app.inject({ url: '/api/v1/key', headers: bearer(other.secret) })).statusCode).toBe(200);

    server.clock.advance(30_000);
    expect((await server.app.inject({ url: '/api/v1/key', headers: bearer(secret) })).statusCode).toBe(403);
  });

  it('limits requests without a valid key per client address', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await server.app.inject({ url: '/api/v1/key', remoteAddress: '10.0.0.1' });
      expect(res.statusCode).toBe(401);
    }
    const limited = await server.app.inject({ url: '/api/v1/key', headers: bearer(generateKey('live')), remoteAddress: '10.0.0.1' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect((await server.app.inject({ url: '/api/v1/key', remoteAddress: '10.0.0.2' })).statusCode).toBe(401);
  });

  it('limits IPv6 clients per /64, so rotating addresses does not help', async () => {
    for (let i = 1; i <= 3; i++) {
      const res = await server.app.inject({ url: '/api/v1/key', remoteAddress: `2001:db8:1:2::${i}` });
      expect(res.statusCode).toBe(401);
    }
    expect((await server.app.inject({ url: '/api/v1/key', remoteAddress: '2001:db8:1:2:ffff::9' })).statusCode).toBe(429);
    expect((await server.app.inject({ url: '/api/v1/key', remoteAddress: '2001:db8:1:3::1' })).statusCode).toBe(401);
  });
});
