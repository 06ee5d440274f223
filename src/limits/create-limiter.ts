// Picks the limiter the configuration asks for: Redis when REDIS_URL is set, else in-process.
import { ConfigError, type Config } from '../config.ts';
import type { RateLimiter } from './limiter.ts';
import { MemoryRateLimiter } from './memory.ts';

export async function createLimiter(config: Config): Promise<RateLimiter> {
  if (!config.redisUrl) return new MemoryRateLimiter(config.rateLimit);
  // Loaded only when REDIS_URL is set, so a single-process deployment never loads the Redis client.
  const { RedisRateLimiter } = await import('./redis.ts');
  const limiter = new RedisRateLimiter({ ...config.rateLimit, url: config.redisUrl });
  try {
    await limiter.connect();
  } catch (error) {
    await limiter.close();
    // The message names the variable, never its value: a Redis URL may hold a password.
    throw new ConfigError(`REDIS_URL: cannot connect to Redis (${(error as Error).message}).`);
  }
  return limiter;
}
