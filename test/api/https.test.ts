import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../helpers/db.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const [sqlite] = await testEngines();

describe('REQUIRE_HTTPS behind a trusted proxy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(sqlite!, { env: { REQUIRE_HTTPS: 'true', TRUST_PROXY: 'true' } });
  });
  afterAll(() => server.close());

  it('refuses plain HTTP with 400 https_required', async () => {
    const res = await server.app.inject({ url: '/api/v1/key' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ type: 'invalid_request_error', code: 'https_required', param: null });
    expect(res.headers['x-request-id']).toMatch(/^req_[0-9a-f]{16}$/);
  });

  it('accepts a request the proxy received over HTTPS', async () => {
    const res = await server.app.inject({ url: '/api/v1/key', headers: { 'x-forwarded-proto': 'https' } });
    expect(res.json().error.code).toBe('missing_api_key');
  });

  it('refuses what the proxy received over plain HTTP', async () => {
    const res = await server.app.inject({ url: '/api/v1/key', headers: { 'x-forwarded-proto': 'http' } });
    expect(res.json().error.code).toBe('https_required');
  });

  it('keeps health probes reachable over plain HTTP', async () => {
    expect((await server.app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });
});

describe('REQUIRE_HTTPS without a trusted proxy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(sqlite!, { env: { REQUIRE_HTTPS: 'true' } });
  });
  afterAll(() => server.close());

  it('ignores a forged X-Forwarded-Proto', async () => {
    const res = await server.app.inject({ url: '/api/v1/key', headers: { 'x-forwarded-proto': 'https' } });
    expect(res.json().error.code).toBe('https_required');
  });
});
