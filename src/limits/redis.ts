// Redis sliding-log limiter: one sorted set per bucket, checked and updated by one atomic Lua script,
// so several server processes share the same window. Times come from the callers' clocks (testable, and
// NTP-synced servers differ by milliseconds, which shift a 60 s window by as much and no more).
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { decide, type RateLimitDecision, type RateLimiter, type SlidingWindow } from './limiter.ts';

// KEYS[1] bucket; ARGV: now (ms), window (ms), max, unique member. Returns {allowed, count, oldest}.
const SLIDING_HIT = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local max = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
local allowed = 0
if count < max then
  redis.call('ZADD', key, now, ARGV[4])
  count = count + 1
  allowed = 1
end
local oldest = now
local first = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
if first[2] then oldest = tonumber(first[2]) end
redis.call('PEXPIRE', key, window)
return {allowed, count, tostring(oldest)}
`;

export interface RedisLimiterOptions extends SlidingWindow {
  url: string;
  /** Prepended to every bucket key, so deployments (and test runs) sharing a Redis never collide. */
  keyPrefix?: string;
}

type SlidingHit = (key: string, now: number, windowMs: number, max: number, member: string) => Promise<[number, number, string]>;

export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly instance = randomBytes(4).toString('hex');
  private sequence = 0;
  private connecting: Promise<void> | null = null;
  private lastError: Error | null = null;

  constructor(private readonly options: RedisLimiterOptions) {
    this.prefix = options.keyPrefix ?? 'jfi:rl:';
    // Fail fast instead of queueing requests while Redis is unreachable: the API answers 500, /readyz 503.
    this.redis = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    // ioredis reports the cause (ECONNREFUSED, auth failure) here and only "Connection is closed" to connect().
    this.redis.on('error', (error: Error) => {
      this.lastError = error;
    });
    this.redis.defineCommand('slidingHit', { numberOfKeys: 1, lua: SLIDING_HIT });
  }

  /** Connects now; the server calls this at start so a wrong REDIS_URL fails start-up. */
  connect(): Promise<void> {
    if (this.redis.status === 'ready') return Promise.resolve();
    if (this.redis.status === 'wait' || this.redis.status === 'end') {
      this.connecting = this.redis.connect().catch((error: unknown) => {
        this.connecting = null;
        throw this.lastError ?? error;
      });
    }
    // Reconnecting on its own: the command fails fast rather than waiting.
    return this.connecting ?? Promise.resolve();
  }

  async hit(bucketKey: string, now: number, max = this.options.max): Promise<RateLimitDecision> {
    await this.connect();
    const member = `${now}:${this.instance}:${++this.sequence}`;
    const slidingHit = (this.redis as unknown as { slidingHit: SlidingHit }).slidingHit.bind(this.redis);
    const [allowed, count, oldest] = await slidingHit(this.prefix + bucketKey, now, this.options.windowMs, max, member);
    return decide({ max, windowMs: this.options.windowMs }, allowed === 1, count, Number(oldest), now);
  }

  async ping(): Promise<void> {
    await this.connect();
    await this.redis.ping();
  }

  async close(): Promise<void> {
    if (this.redis.status === 'wait' || this.redis.status === 'end') {
      this.redis.disconnect();
      return;
    }
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
