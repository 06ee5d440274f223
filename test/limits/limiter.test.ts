import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { RateLimiter } from '../../src/limits/limiter.ts';
import { MemoryRateLimiter } from '../../src/limits/memory.ts';
import { RedisRateLimiter } from '../../src/limits/redis.ts';
import { createManualClock } from '../../src/limits/clock.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const runPrefix = `jfi-test:${randomBytes(6).toString('hex')}:`;
const window = { max: 120, windowMs: 60_000 };

async function redisReachable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: 1000 });
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const redisUp = await redisReachable();
if (!redisUp) {
  if (process.env.CI === 'true') throw new Error(`Redis at ${REDIS_URL} is unreachable and CI=true.`);
  console.warn(`Skipping Redis limiter tests: Redis at ${REDIS_URL} is unreachable.`);
}

const opened: RateLimiter[] = [];
afterAll(async () => {
  await Promise.all(opened.map((l) => l.close()));
  if (redisUp) {
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${runPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
});

const implementations: { name: string; enabled: boolean; create: (opts?: Partial<typeof window>, prefix?: string) => RateLimiter }[] = [
  { name: 'memory', enabled: true, create: (opts) => new MemoryRateLimiter({ ...window, ...opts }) },
  {
    name: 'redis',
    enabled: redisUp,
    create: (opts, prefix) =>
      new RedisRateLimiter({ ...window, ...opts, url: REDIS_URL, keyPrefix: prefix ?? `${runPrefix}${randomBytes(4).toString('hex')}:` }),
  },
];

for (const impl of implementations) {
  describe.skipIf(!impl.enabled)(`${impl.name} sliding-window limiter`, () => {
    const make = (opts?: Partial<typeof window>, prefix?: string) => {
      const limiter = impl.create(opts, prefix);
      opened.push(limiter);
      return limiter;
    };

    it('allows 120 requests in a window and refuses the 121st with a retry time', async () => {
      const limiter = make();
      const clock = createManualClock();
      for (let i = 1; i <= 120; i++) {
        const d = await limiter.hit('k', clock.now());
        expect(d.allowed).toBe(true);
        expect(d.remaining).toBe(120 - i);
        expect(d.limit).toBe(120);
        clock.advance(100);
      }
      const refused = await limiter.hit('k', clock.now());
      expect(refused.allowed).toBe(false);
      expect(refused.remaining).toBe(0);
      // The oldest request was 12 s ago: it leaves the window in 48 s.
      expect(refused.retryAfterSeconds).toBe(48);
      expect(refused.resetSeconds).toBe(48);
    });

    it('frees one slot exactly when the oldest request leaves the window, not at a minute boundary', async () => {
      const limiter = make();
      const clock = createManualClock(Date.UTC(2026, 0, 1, 0, 0, 30, 500));
      const start = clock.now();
      for (let i = 0; i < 120; i++) {
        expect((await limiter.hit('k', clock.now())).allowed).toBe(true);
        clock.advance(250);
      }
      clock.set(start + 60_000 - 1);
      const early = await limiter.hit('k', clock.now());
      expect(early.allowed).toBe(false);
      expect(early.retryAfterSeconds).toBe(1);
      clock.set(start + 60_000);
      const freed = await limiter.hit('k', clock.now());
      expect(freed.allowed).toBe(true);
      expect(freed.remaining).toBe(0);
      // Only one slot freed: the next one leaves 250 ms later.
      expect((await limiter.hit('k', clock.now())).allowed).toBe(false);
      clock.advance(250);
      expect((await limiter.hit('k', clock.now())).allowed).toBe(true);
    });

    it('does not reset at fixed minute boundaries (a burst across a boundary is still limited)', async () => {
      const limiter = make();
      const clock = createManualClock(Date.UTC(2026, 0, 1, 0, 0, 59, 0));
      for (let i = 0; i < 120; i++) expect((await limiter.hit('k', clock.now())).allowed).toBe(true);
      clock.advance(2000); // now 00:01:01, a new fixed minute
      expect((await limiter.hit('k', clock.now())).allowed).toBe(false);
    });

    it('does not count refused requests, so a client that keeps knocking is not locked out forever', async () => {
      const limiter = make({ max: 2, windowMs: 10_000 });
      const clock = createManualClock();
      await limiter.hit('k', clock.now());
      await limiter.hit('k', clock.now());
      for (let i = 0; i < 9; i++) {
        clock.advance(1000);
        expect((await limiter.hit('k', clock.now())).allowed).toBe(false);
      }
      clock.advance(1000);
      expect((await limiter.hit('k', clock.now())).allowed).toBe(true);
    });

    it('keeps buckets apart', async () => {
      const limiter = make({ max: 1, windowMs: 60_000 });
      const now = createManualClock().now();
      expect((await limiter.hit('a', now)).allowed).toBe(true);
      expect((await limiter.hit('a', now)).allowed).toBe(false);
      expect((await limiter.hit('b', now)).allowed).toBe(true);
    });

    it('reports whole seconds until a slot frees on allowed requests too', async () => {
      const limiter = make({ max: 5, windowMs: 60_000 });
      const clock = createManualClock();
      await limiter.hit('k', clock.now());
      clock.advance(20_500);
      const d = await limiter.hit('k', clock.now());
      expect(d).toEqual({ allowed: true, limit: 5, remaining: 3, resetSeconds: 40, retryAfterSeconds: 0 });
    });

    it('answers ping while its store is reachable', async () => {
      await expect(make().ping()).resolves.toBeUndefined();
    });
  });
}

describe.skipIf(!redisUp)('redis limiter across processes', () => {
  it('lets exactly 120 of 300 concurrent requests through when two instances share a window', async () => {
    const prefix = `${runPrefix}shared:`;
    const a = new RedisRateLimiter({ ...window, url: REDIS_URL, keyPrefix: prefix });
    const b = new RedisRateLimiter({ ...window, url: REDIS_URL, keyPrefix: prefix });
    opened.push(a, b);
    const now = createManualClock().now();
    const results = await Promise.all(Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? a : b).hit('key_1', now + (i % 7))));
    expect(results.filter((r) => r.allowed)).toHaveLength(120);
  });

  it('rejects when Redis is unreachable instead of hanging', async () => {
    const dead = new RedisRateLimiter({ ...window, url: 'redis://127.0.0.1:1', keyPrefix: runPrefix });
    await expect(dead.ping()).rejects.toThrow();
    await dead.close();
  });
});

describe('memory limiter eviction', () => {
  it('forgets buckets whose requests all left the window', async () => {
    const limiter = new MemoryRateLimiter({ ...window, maxBuckets: 10 });
    const clock = createManualClock();
    for (let i = 0; i < 10; i++) await limiter.hit(`k${i}`, clock.now());
    expect(limiter.size).toBe(10);
    clock.advance(60_000);
    await limiter.hit('fresh', clock.now());
    expect(limiter.size).toBe(1);
  });

  it('never holds more than maxBuckets even when all are active', async () => {
    const limiter = new MemoryRateLimiter({ ...window, maxBuckets: 10 });
    const now = createManualClock().now();
    for (let i = 0; i < 50; i++) await limiter.hit(`k${i}`, now);
    expect(limiter.size).toBe(10);
  });
});
