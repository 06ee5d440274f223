// The burst limiter's contract: a sliding window of `max` requests in any `windowMs`, per bucket.

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  /** Requests still allowed in the current window after this one. */
  remaining: number;
  /** Whole seconds until the oldest counted request leaves the window (a slot frees). */
  resetSeconds: number;
  /** Whole seconds to wait before retrying; 0 when allowed. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one request in `bucketKey` at `now` (epoch ms) unless the window holds `max` (default: the limiter's) already. */
  hit(bucketKey: string, now: number, max?: number): Promise<RateLimitDecision>;
  /** Resolves when the limiter's store is reachable; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface SlidingWindow {
  max: number;
  windowMs: number;
}

/** Turns the window's state after a hit into the decision both implementations report. */
export function decide(window: SlidingWindow, allowed: boolean, count: number, oldest: number, now: number): RateLimitDecision {
  const untilFree = Math.max(1, Math.ceil((oldest + window.windowMs - now) / 1000));
  return {
    allowed,
    limit: window.max,
    remaining: Math.max(0, window.max - count),
    resetSeconds: untilFree,
    retryAfterSeconds: allowed ? 0 : untilFree,
  };
}
