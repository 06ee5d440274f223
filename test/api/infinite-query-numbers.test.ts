// A number in the query string that coerces to Infinity ("limit=1e309") passes AJV's integer and maximum checks; it
// must be a 400 in our envelope, never a 500 from the query it would reach (the fuzz test found it).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const [engine] = await testEngines();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(engine!, { env: { LOG_LEVEL: 'silent' } });
});
afterAll(() => server.close());

it.each(['/diagrams?limit=1e309', '/diagrams?limit=-1e309', '/diagrams/c4021a9f-86bd-472a-bf34-a18fcff99fcd/versions?limit=1e309', '/folders?limit=1e400'])('%s is a 400 on limit', async (url) => {
  const key = await server.createKey({ scopes: ['diagrams:read', 'folders:read'] as never });
  const res = await server.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(key.secret) });
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_parameter', param: 'limit' });
});
