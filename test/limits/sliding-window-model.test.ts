import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { RateLimiter } from '../../src/limits/limiter.ts';
import { MemoryRateLimiter } from '../../src/limits/memory.ts';
import { RedisRateLimiter } from '../../src/limits/redis.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `jfi-test:${randomBytes(6).toString('hex')}:model:`;
const redisUp = await new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false })
  .connect()
  .then(
    () => true,
    () => false,
  );
if (!redisUp && process.env.CI === 'true') throw new Error(`Redis at ${REDIS_URL} is unreachable and CI=true.`);
if (!redisUp) console.warn(`Skipping the Redis model test: Redis at ${REDIS_URL} is unreachable.`);

const MAX = 4;
const WINDOW_MS = 1000;

/** The definition, written as plainly as possible: allowed iff fewer than MAX accepted requests in (now − W, now]. */
function referenceDecision(accepted: number[], now: number) {
  const inWindow = accepted.filter((t) => t > now - WINDOW_MS);
  const allowed = inWindow.length < MAX;
  if (allowed) accepted.push(now);
  const live = accepted.filter((t) => t > now - WINDOW_MS);
  const oldest = Math.min(...live, now);
  return { allowed, remaining: MAX - live.length, resetSeconds: Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000)) };
}

const opened: RateLimiter[] = [];
afterAll(async () => {
  await Promise.all(opened.map((l) => l.close()));
  if (redisUp) {
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
});

const gaps = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400 }), fc.constant(WINDOW_MS - 1), fc.constant(WINDOW_MS)), {
  minLength: 1,
  maxLength: 40,
});

const implementations = [
  { name: 'memory', enabled: true, runs: 300, create: () => new MemoryRateLimiter({ max: MAX, windowMs: WINDOW_MS }) },
  { name: 'redis', enabled: redisUp, runs: 60, create: () => new RedisRateLimiter({ max: MAX, windowMs: WINDOW_MS, url: REDIS_URL, keyPrefix: prefix }) },
];

for (const impl of implementations) {
  describe.skipIf(!impl.enabled)(`${impl.name} limiter against the sliding-window definition`, () => {
    it('agrees with the reference on every request of random traffic', async () => {
      const limiter = impl.create();
      opened.push(limiter);
      let run = 0;
      await fc.assert(
        fc.asyncProperty(gaps, async (steps) => {
          const bucket = `b${run++}`;
          const accepted: number[] = [];
          let now = 1_700_000_000_000;
          for (const gap of steps) {
            now += gap;
            const expected = referenceDecision(accepted, now);
            const actual = await limiter.hit(bucket, now);
            expect({ allowed: actual.allowed, remaining: actual.remaining, resetSeconds: actual.resetSeconds }).toEqual(expected);
          }
        }),
        { numRuns: impl.runs },
      );
    });
  });
}
