// In-process sliding-log limiter: exact for one server process; idle buckets are evicted to bound memory.
import { decide, type RateLimitDecision, type RateLimiter, type SlidingWindow } from './limiter.ts';

export interface MemoryLimiterOptions extends SlidingWindow {
  /** Most buckets kept; past it, idle ones go first, then the least recently created. */
  maxBuckets?: number;
}

/**
 * The timestamps of counted requests, oldest first, from `head` on. Expired ones are skipped by moving
 * `head` and compacted away in bulk, so a hit costs O(1) even with a large `max`.
 */
interface Log {
  times: number[];
  head: number;
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Log>();
  private readonly maxBuckets: number;
  private hitsSinceSweep = 0;

  constructor(private readonly options: MemoryLimiterOptions) {
    this.maxBuckets = options.maxBuckets ?? 100_000;
  }

  get size(): number {
    return this.buckets.size;
  }

  async hit(bucketKey: string, now: number, max = this.options.max): Promise<RateLimitDecision> {
    const { windowMs } = this.options;
    let log = this.buckets.get(bucketKey);
    if (!log) {
      this.makeRoom(now);
      log = { times: [], head: 0 };
      this.buckets.set(bucketKey, log);
    }
    dropExpired(log, now - windowMs);
    const count = log.times.length - log.head;
    const allowed = count < max;
    if (allowed) insertSorted(log, now);
    if (++this.hitsSinceSweep >= 1000) this.sweep(now);
    return decide({ max, windowMs }, allowed, allowed ? count + 1 : count, log.times[log.head] ?? now, now);
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
      const newest = log.times[log.times.length - 1];
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
function dropExpired(log: Log, cutoff: number): void {
  const { times } = log;
  while (log.head < times.length && (times[log.head] as number) <= cutoff) log.head++;
  // Compact once the skipped prefix outweighs the live part: amortised O(1) per hit.
  if (log.head > 64 && log.head * 2 > times.length) {
    times.splice(0, log.head);
    log.head = 0;
  }
}

function insertSorted(log: Log, t: number): void {
  const { times } = log;
  let i = times.length;
  while (i > log.head && (times[i - 1] as number) > t) i--;
  times.splice(i, 0, t);
}
