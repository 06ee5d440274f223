// Picks the limiter the configuration asks for: Redis when REDIS_URL is set, else in-process.
import { ConfigError, type Config } from '../config.ts';
import type { RateLimiter, SlidingWindow } from './limiter.ts';
import { MemoryRateLimiter } from './memory.ts';

/**
 * The API's burst limiter by default; other limits (sign-in, sign-up) pass their own window and a key prefix of
 * their own, so their buckets never mix with the API's in a shared Redis.
 */
export async function createLimiter(config: Config, window: SlidingWindow = config.rateLimit, keyPrefix?: string): Promise<RateLimiter> {
  if (!config.redisUrl) return new MemoryRateLimiter(window);
  // Loaded only when REDIS_URL is set, so a single-process deployment never loads the Redis client.
  const { RedisRateLimiter } = await import('./redis.ts');
  const limiter = new RedisRateLimiter({ ...window, url: config.redisUrl, ...(keyPrefix ? { keyPrefix } : {}) });
  try {
    await limiter.connect();
  } catch (error) {
    await limiter.close();
    // The message names the variable, never its value: a Redis URL may hold a password.
    throw new ConfigError(`REDIS_URL: cannot connect to Redis (${(error as Error).message}).`);
  }
  return limiter;
}
