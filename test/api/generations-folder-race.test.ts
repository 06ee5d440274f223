// A folder deleted while a diagram is being generated into it: the save is refused by the foreign key, the
// answer is 404 folder_id, nothing is stored and the reserved quota is given back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../helpers/db.ts';
import { longestPrompt } from '../helpers/long-prompt.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const engines = await testEngines();
// A second or more in the worker, so the delete lands while it runs.
const LONG = longestPrompt();

describe.each(engines)('a folder deleted mid-generation on $name', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine, { env: { LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '100000' } });
  });
  afterAll(() => server.close());

  it('answers 404 folder_id, stores nothing and charges nothing', async () => {
    const { secret } = await server.createKey({ scopes: ['generate', 'folders:write', 'diagrams:read'] });
    const headers = bearer(secret);
    const folderId = (await server.app.inject({ method: 'POST', url: '/api/v1/folders', headers, payload: { name: 'Doomed' } })).json().id;
    let finished = false;
    const generation = server.app
      .inject({ method: 'POST', url: '/api/v1/generations', headers, payload: { prompt: LONG, folder_id: folderId } })
      .finally(() => (finished = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const deleted = await server.app.inject({ method: 'DELETE', url: `/api/v1/folders/${folderId}`, headers });
    expect(deleted.statusCode).toBe(200);
    expect(finished).toBe(false);
    const res = await generation;
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'resource_not_found', param: 'folder_id' });
    const quota = (await server.app.inject({ url: '/api/v1/key', headers })).json().usage.generation_quota;
    expect(quota).toMatchObject({ used: 0, reset: null });
    expect((await server.app.inject({ url: '/api/v1/generations', headers })).json().data).toEqual([]);
    expect((await server.app.inject({ url: '/api/v1/diagrams', headers })).json().data).toEqual([]);
  });
});
