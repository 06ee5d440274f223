import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const [sqlite] = await testEngines();

describe('access logs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(sqlite!);
  });
  afterAll(() => server.close());

  it('write one JSON line per request with request id, method, route, status and duration', async () => {
    const { secret } = await server.createKey();
    const res = await server.app.inject({ url: '/api/v1/key', headers: bearer(secret) });
    const id = res.headers['x-request-id'];
    const lines = server.logs.map((line) => JSON.parse(line)).filter((line) => line.request_id === id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ method: 'GET', route: '/api/v1/key', status: 200, msg: 'request completed' });
    expect(typeof lines[0].duration_ms).toBe('number');
  });

  it('never contain a key, the Authorization header or a cookie, whatever the outcome', async () => {
    const { secret } = await server.createKey();
    const revoked = await server.createKey();
    await server.services.keys.revokeAnyKey(revoked.keyId);
    const cookie = 'session=s3cr3t-cookie-value';
    await server.app.inject({ url: '/api/v1/key', headers: { ...bearer(secret), cookie } });
    await server.app.inject({ url: '/api/v1/key?x=1', headers: bearer(secret) });
    await server.app.inject({ url: '/api/v1/key', headers: bearer(revoked.secret) });
    await server.app.inject({ url: '/api/v1/nope', headers: bearer(`${secret}x`) });
    await server.app.inject({ method: 'POST', url: '/api/v1/key', headers: { ...bearer(secret), 'content-type': 'application/json' }, payload: `{"key":"${secret}"` });
    const all = server.logs.join('\n');
    expect(server.logs.length).toBeGreaterThanOrEqual(5);
    for (const secretText of [secret, revoked.secret, secret.slice(12), 's3cr3t-cookie-value']) {
      expect(all).not.toContain(secretText);
    }
    expect(all.toLowerCase()).not.toContain('bearer');
    expect(all).not.toMatch(/authorization/i);
  });

  it('never contain a password reset token, whose link is a path', async () => {
    const user = await server.services.accounts.createUser({ email: 'reset-log@example.com', name: 'R', password: 'velvet tundra marching 42' });
    const { token } = await server.services.passwordResets.createLink(user.email);
    const get = await server.app.inject({ url: `/reset/${token}` });
    expect(get.statusCode).toBe(200);
    await server.app.inject({ method: 'POST', url: `/reset/${token}?x=1`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'password=x' });
    const lines = server.logs.map((line) => JSON.parse(line)).filter((line) => line.route === '/reset/:token');
    expect(lines.map((line) => [line.method, line.path])).toEqual([['GET', '/reset/:token'], ['POST', '/reset/:token']]);
    expect(server.logs.join('\n')).not.toContain(token);
  });
});
