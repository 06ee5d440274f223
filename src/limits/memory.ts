// In-process sliding-log limiter: exact for one server process; idle buckets are evicted to bound memory.
import { decide, type RateLimitDecision, type RateLimiter, type SlidingWindow } from './limiter.ts';

export interface MemoryLimiterOptions extends SlidingWindow {
  /** Most buckets kept; past it, idle ones go first, then the least recently created. */
  maxBuckets?: number;
}

export class MemoryRateLimiter implements RateLimiter {
  /** Per bucket, the timestamps of counted requests, oldest first. */
  private readonly buckets = new Map<string, number[]>();
  private readonly maxBuckets: number;
  private hitsSinceSweep = 0;

  constructor(private readonly options: MemoryLimiterOptions) {
    this.maxBuckets = options.maxBuckets ?? 100_000;
  }

  get size(): number {
    return this.buckets.size;
  }

  async hit(bucketKey: string, now: number): Promise<RateLimitDecision> {
    const { max, windowMs } = this.options;
    let log = this.buckets.get(bucketKey);
    if (!log) {
      this.makeRoom(now);
      log = [];
      this.buckets.set(bucketKey, log);
    }
    dropExpired(log, now - windowMs);
    const allowed = log.length < max;
    if (allowed) insertSorted(log, now);
    if (++this.hitsSinceSweep >= 1000) this.sweep(now);
    return decide(this.options, allowed, log.length, log[0] ?? now, now);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.buckets.clear();
  }

  /** Removes every bucket whose requests have all left the window. */
  sweep(now: number): void {
    this.hitsSinceSweep = 0;
    const cutoff = now - this.options.windowMs;
    for (const [key, log] of this.buckets) {
      const newest = log[log.length - 1];
      if (newest === undefined || newest <= cutoff) this.buckets.delete(key);
    }
  }

  private makeRoom(now: number): void {
    if (this.buckets.size < this.maxBuckets) return;
    this.sweep(now);
    // Still full of active buckets: forget the oldest-created ones rather than grow without bound.
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < this.maxBuckets) break;
      this.buckets.delete(key);
    }
  }
}

/** A request at `t` leaves the window once `t <= cutoff`. */
function dropExpired(log: number[], cutoff: number): void {
  let expired = 0;
  while (expired < log.length && (log[expired] as number) <= cutoff) expired++;
  if (expired > 0) log.splice(0, expired);
}

function insertSorted(log: number[], t: number): void {
  let i = log.length;
  while (i > 0 && (log[i - 1] as number) > t) i--;
  log.splice(i, 0, t);
}
