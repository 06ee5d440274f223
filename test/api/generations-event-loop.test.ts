// A long description takes a second or more of CPU to generate (1.5 s for 20,000 characters with the builtin
// provider on a 2-core VM); it runs in a worker thread, so the server keeps answering other requests meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../helpers/db.ts';
import { longestPrompt } from '../helpers/long-prompt.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const [sqlite] = await testEngines();
describe('generation off the event loop', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(sqlite!, { env: { LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '100000' } });
  });
  afterAll(() => server.close());

  it('answers other requests quickly while a long generation runs', async () => {
    const { secret } = await server.createKey({ scopes: ['generate'] });
    let finished = false;
    const generation = server.app
      .inject({ method: 'POST', url: '/api/v1/generations', headers: bearer(secret), payload: { prompt: longestPrompt() } })
      .finally(() => (finished = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Ask for the key every 20 ms until the generation is done; only answers given while it ran count.
    const latencies: number[] = [];
    while (!finished) {
      const started = performance.now();
      const res = await server.app.inject({ url: '/api/v1/key', headers: bearer(secret) });
      expect(res.statusCode).toBe(200);
      if (!finished) latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const res = await generation;
    expect(res.statusCode).toBe(201);
    // On the event loop the generation would hold every request until it ended, and none would count.
    console.log(`generation ${res.json().duration_ms} ms; ${latencies.length} requests answered meanwhile, slowest ${Math.max(...latencies).toFixed(0)} ms`);
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...latencies)).toBeLessThan(1000);
  });
});
