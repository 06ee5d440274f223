// A long description takes seconds of CPU to generate (about 5 s for 20,000 characters with the builtin
// provider); it runs in a worker thread, so the server keeps answering other requests meanwhile.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../helpers/db.ts';
import { bearer, startTestServer, type TestServer } from '../helpers/server.ts';

const [sqlite] = await testEngines();
const FIXTURES = path.join(import.meta.dirname, '../generate/fixtures');

function longDescription(minChars: number): string {
  const texts = fs.readdirSync(FIXTURES).sort().map((file) => fs.readFileSync(path.join(FIXTURES, file), 'utf8').trim());
  let text = '';
  for (let i = 0; text.length < minChars; i++) text += `${texts[i % texts.length]}\n`;
  return text.slice(0, 20_000);
}

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
      .inject({ method: 'POST', url: '/api/v1/generations', headers: bearer(secret), payload: { prompt: longDescription(6_000) } })
      .finally(() => (finished = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const latencies: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      const res = await server.app.inject({ url: '/api/v1/key', headers: bearer(secret) });
      latencies.push(performance.now() - started);
      expect(res.statusCode).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Measured while the generation was still running, or this proves nothing.
    expect(finished).toBe(false);
    expect(Math.max(...latencies)).toBeLessThan(1000);
    const res = await generation;
    expect(res.statusCode).toBe(201);
    expect(res.json().duration_ms).toBeGreaterThan(500);
  });
});
