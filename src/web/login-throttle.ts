// Sign-in throttling per email and client address: a sliding window of failed attempts, in memory.

export interface ThrottleOptions {
  maxFailures: number;
  windowMs: number;
  now?: () => number;
}

export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();
  readonly #now: () => number;

  constructor(private readonly options: ThrottleOptions = { maxFailures: 5, windowMs: 15 * 60_000 }) {
    this.#now = options.now ?? Date.now;
  }

  /** Milliseconds until another attempt is allowed for this email and address; 0 when allowed now. */
  retryAfterMs(email: string, ip: string): number {
    const recent = this.#recent(keyOf(email, ip));
    if (recent.length < this.options.maxFailures) return 0;
    const oldest = recent[recent.length - this.options.maxFailures] ?? this.#now();
    return Math.max(1, oldest + this.options.windowMs - this.#now());
  }

  recordFailure(email: string, ip: string): void {
    const key = keyOf(email, ip);
    const recent = this.#recent(key);
    recent.push(this.#now());
    this.#failures.set(key, recent);
    // Bound memory under a spray of distinct emails: drop idle entries once the map grows.
    if (this.#failures.size > 10_000) for (const known of [...this.#failures.keys()]) this.#recentOrForget(known);
  }

  recordSuccess(email: string, ip: string): void {
    this.#failures.delete(keyOf(email, ip));
  }

  #recent(key: string): number[] {
    const since = this.#now() - this.options.windowMs;
    return (this.#failures.get(key) ?? []).filter((at) => at > since);
  }

  #recentOrForget(key: string): void {
    const recent = this.#recent(key);
    if (recent.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, recent);
  }
}

function keyOf(email: string, ip: string): string {
  return `${email.trim().toLowerCase()}|${ip}`;
}
