// TRUST_PROXY over real HTTP: the client address is the nearest untrusted hop, so a client rotating what it writes
// at the left of X-Forwarded-For stays in one burst bucket. Hop counts and proxy address lists are both tested.
import { afterEach, describe, expect, it } from 'vitest';
import { testEngines } from '../helpers/db.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const [sqlite] = await testEngines();
let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

/** Listens on loopback with a burst limit of 3 and the given TRUST_PROXY; returns a fetch of GET /api/v1/key. */
async function listen(trustProxy: string) {
  server = await startTestServer(sqlite!, { env: { TRUST_PROXY: trustProxy, RATE_LIMIT_MAX: '3', LOG_LEVEL: 'silent' } });
  const url = await server.app.listen({ port: 0, host: '127.0.0.1' });
  return async (forwardedFor: string) => {
    const response = await fetch(`${url}/api/v1/key`, { headers: { authorization: 'Bearer not-a-key', 'x-forwarded-for': forwardedFor } });
    await response.arrayBuffer();
    return response.status;
  };
}

describe.each([
  { trustProxy: 'true', proxies: '' },
  { trustProxy: '1', proxies: '' },
  { trustProxy: '2', proxies: ', 127.0.0.5' },
  { trustProxy: '127.0.0.0/8, ::1', proxies: ', 127.0.0.5' },
  { trustProxy: 'loopback', proxies: ', 127.0.0.5' },
])('TRUST_PROXY=$trustProxy', ({ trustProxy, proxies }) => {
  it('counts a client rotating the left of X-Forwarded-For as one address, and another client apart', async () => {
    const get = await listen(trustProxy);
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) statuses.push(await get(`10.9.0.${i}, 203.0.113.7${proxies}`));
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // The address the (trusted) proxy saw is what counts: another client has its own bucket.
    expect(await get(`10.9.0.1, 203.0.113.8${proxies}`)).toBe(401);
  });
});

describe('TRUST_PROXY=false', () => {
  it('ignores X-Forwarded-For entirely', async () => {
    const get = await listen('false');
    const statuses: number[] = [];
    for (let i = 1; i <= 4; i++) statuses.push(await get(`203.0.113.${i}`));
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
