// Sign-in and sign-up throttling on the shared sliding-window limiter (Redis when REDIS_URL is set, so every
// process counts together; in process otherwise). Every attempt counts: per email and address (a guessed
// password), per email from anywhere (a botnet on one account), per address over any emails (one password sprayed
// over many accounts), and sign-ups per address (SIGNUPS_PER_HOUR).
import type { Config } from '../config.ts';
import { clientBucket } from '../limits/client-bucket.ts';
import type { Clock } from '../limits/clock.ts';
import { createLimiter } from '../limits/create-limiter.ts';
import type { RateLimiter } from '../limits/limiter.ts';
import { PageError } from './error-page.ts';

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_LIMITS = { perAccountAndAddress: 5, perAccount: 20, perAddress: 30 } as const;
export const PASSWORD_CONFIRMATIONS = 10;
export const SIGN_UP_WINDOW_MS = 60 * 60_000;

export class AuthThrottle {
  private constructor(
    private readonly signIns: RateLimiter,
    private readonly signUps: RateLimiter,
    private readonly clock: Clock,
  ) {}

  static async create(config: Config, clock: Clock): Promise<AuthThrottle> {
    const signIns = await createLimiter(config, { max: SIGN_IN_LIMITS.perAddress, windowMs: SIGN_IN_WINDOW_MS }, 'jfi:signin:');
    try {
      const signUps = await createLimiter(config, { max: config.signUpsPerHour, windowMs: SIGN_UP_WINDOW_MS }, 'jfi:signup:');
      return new AuthThrottle(signIns, signUps, clock);
    } catch (error) {
      await signIns.close();
      throw error;
    }
  }

  /** Counts a sign-in attempt; the seconds to wait when one of its limits is reached, else 0. */
  async signIn(email: string, ip: string): Promise<number> {
    const account = email.trim().toLowerCase();
    const address = clientBucket(ip);
    return this.#hits(this.signIns, [
      [`pair:${account}|${address}`, SIGN_IN_LIMITS.perAccountAndAddress],
      [`account:${account}`, SIGN_IN_LIMITS.perAccount],
      [`address:${address}`, SIGN_IN_LIMITS.perAddress],
    ]);
  }

  /**
   * Counts a password typed to confirm an account change (signed in): PASSWORD_CONFIRMATIONS per user in the
   * sign-in window, apart from sign-ins, so a stolen session cannot guess the password freely and a few honest
   * changes never lock anyone out. The seconds to wait, else 0.
   */
  async passwordConfirmation(userId: string): Promise<number> {
    return this.#hits(this.signIns, [[`confirm:${userId}`, PASSWORD_CONFIRMATIONS]]);
  }

  /** Counts a sign-up attempt from this address; the seconds to wait when the limit is reached, else 0. */
  async signUp(ip: string): Promise<number> {
    return this.#hits(this.signUps, [[`address:${clientBucket(ip)}`]]);
  }

  async close(): Promise<void> {
    await Promise.all([this.signIns.close(), this.signUps.close()]);
  }

  /** Hits every bucket (each with its own max, or the limiter's); the longest wait, or 0. */
  async #hits(limiter: RateLimiter, buckets: [string, number?][]): Promise<number> {
    const now = this.clock.now();
    try {
      const decisions = await Promise.all(buckets.map(([key, max]) => limiter.hit(key, now, max)));
      return Math.max(0, ...decisions.map((d) => d.retryAfterSeconds));
    } catch {
      // Limits must hold: no attempt goes through uncounted.
      throw new PageError(503, 'Sign-in is unavailable for a moment. Try again in a few seconds.');
    }
  }
}
