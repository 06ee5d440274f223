// With REDIS_URL, sign-in throttling is shared: attempts counted by one server process count on another.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, csrfOf, startWebServer, type WebServer } from './web-server.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false });
const redisUp = await probe.connect().then(() => true, () => false);
probe.disconnect();
if (!redisUp) {
  if (process.env.CI === 'true') throw new Error(`Redis at ${REDIS_URL} is unreachable and CI=true.`);
  console.warn(`Skipping the shared sign-in throttle test: Redis at ${REDIS_URL} is unreachable.`);
}

describe.skipIf(!redisUp)('sign-in throttling with REDIS_URL', () => {
  let a: WebServer;
  let b: WebServer;
  beforeAll(async () => {
    a = await startWebServer({ REDIS_URL });
    b = await startWebServer({ REDIS_URL });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('counts attempts on one process against the others', async () => {
    // A fresh account and address each run: the Redis buckets outlive the test.
    const email = `shared-${randomBytes(6).toString('hex')}@example.com`;
    const remoteAddress = `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.7`;
    const attempt = async (server: WebServer) => {
      const jar = new CookieJar();
      const form = await server.app.inject({ url: '/signin', remoteAddress });
      jar.store(form.headers['set-cookie']);
      const response = await server.app.inject({
        method: 'POST',
        url: '/signin',
        remoteAddress,
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrfOf(form.body), email, password: 'wrong password here' }).toString(),
      });
      return response.statusCode;
    };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push(await attempt(i % 2 === 0 ? a : b));
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
