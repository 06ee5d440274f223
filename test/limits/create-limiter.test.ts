import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { createLimiter } from '../../src/limits/create-limiter.ts';
import { MemoryRateLimiter } from '../../src/limits/memory.ts';
import { RedisRateLimiter } from '../../src/limits/redis.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('createLimiter', () => {
  it('keeps limits in process when REDIS_URL is unset, with the configured window', async () => {
    const limiter = await createLimiter(loadConfig({ RATE_LIMIT_MAX: '7', RATE_LIMIT_WINDOW_MS: '5000' }));
    expect(limiter).toBeInstanceOf(MemoryRateLimiter);
    const decision = await limiter.hit('k', 0);
    expect([decision.limit, decision.remaining, decision.resetSeconds]).toEqual([7, 6, 5]);
    await limiter.close();
  });

  it('refuses to start against an unreachable Redis, naming the variable but not its password', async () => {
    const attempt = createLimiter(loadConfig({ REDIS_URL: 'redis://:hunter2-secret@127.0.0.1:1' }));
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(attempt).rejects.toThrow(/^REDIS_URL: cannot connect to Redis \(.*ECONNREFUSED.*\)\.$/);
    await attempt.catch((error: Error) => expect(error.message).not.toContain('hunter2'));
  });

  it('shares limits through Redis when REDIS_URL answers', async (context) => {
    let limiter;
    try {
      limiter = await createLimiter(loadConfig({ REDIS_URL }));
    } catch (error) {
      if (process.env.CI === 'true') throw error;
      console.warn(`Skipping: Redis at ${REDIS_URL} is unreachable.`);
      context.skip();
      return;
    }
    expect(limiter).toBeInstanceOf(RedisRateLimiter);
    await expect(limiter.ping()).resolves.toBeUndefined();
    await limiter.close();
  });
});
