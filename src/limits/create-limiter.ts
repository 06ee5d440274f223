// Picks the limiter the configuration asks for: Redis when REDIS_URL is set, else in-process.
import type { Config } from '../config.ts';
import type { RateLimiter } from './limiter.ts';
import { MemoryRateLimiter } from './memory.ts';
import { RedisRateLimiter } from './redis.ts';

export async function createLimiter(config: Config): Promise<RateLimiter> {
  if (!config.redisUrl) return new MemoryRateLimiter(config.rateLimit);
  const limiter = new RedisRateLimiter({ ...config.rateLimit, url: config.redisUrl });
  await limiter.connect();
  return limiter;
}
