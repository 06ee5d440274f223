// The generation quota (api-v1.md §4): at most `max` generations per key in any rolling `windowDays`.
// A generation reserves a ledger entry before it runs (checked and written in one transaction that holds
// the key's lock, so concurrent requests on any number of processes never overspend) and gives it back
// when it fails on our side.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { RateLimitError } from '../api/errors.ts';
import type { Config } from '../config.ts';
import type { QuotaReader, QuotaUsage } from '../limits/quota-reader.ts';
import type { Engine } from '../store/db.ts';
import { QuotaRepository } from '../store/repositories/quota.ts';
import type { Database } from '../store/schema.ts';

const DAY_MS = 86_400_000;
/**
 * A reservation not attached to a generation after this long was left by a process that died mid-generation:
 * it stops counting. Longer than any generation can run (the LLM timeout is at most 10 minutes, tried twice).
 */
export const RESERVATION_TTL_MS = 60 * 60 * 1000;

/** A held ledger entry: attach it to the generation it paid for, or release it. */
export interface QuotaReservation {
  id: string;
  apiKeyId: string;
}

export class QuotaService implements QuotaReader {
  readonly repo: QuotaRepository;
  readonly #limits: Config['quota'];
  readonly #now: () => number;

  constructor(db: Kysely<Database>, engine: Engine, limits: Config['quota'], now: () => number = Date.now) {
    this.repo = new QuotaRepository(db, engine);
    this.#limits = limits;
    this.#now = now;
  }

  get windowMs(): number {
    return this.#limits.windowDays * DAY_MS;
  }

  /** The key's usage at `now`: what GET /key shows. */
  async read(apiKeyId: string, now: Date): Promise<QuotaUsage> {
    return this.#usage(await this.#usageAt(this.repo, apiKeyId, now.getTime()), now.getTime());
  }

  /**
   * Counts one generation for the key, or throws 429 quota_exceeded (Retry-After: when the oldest counted
   * generation leaves the window) without writing anything.
   * @example const reservation = await quota.reserve(key.id); try { … } catch (e) { await quota.release(reservation); throw e; }
   */
  async reserve(apiKeyId: string): Promise<QuotaReservation> {
    return this.repo.transaction(async (repo) => {
      await repo.lockKey(apiKeyId);
      const now = this.#now();
      const usage = this.#usage(await this.#usageAt(repo, apiKeyId, now), now);
      if (usage.remaining <= 0) {
        throw new RateLimitError(
          'quota_exceeded',
          `This API key has used its ${usage.limit} generations of the last ${usage.windowDays} days. ` +
            'Retry after Retry-After seconds, when the oldest one leaves the window.',
          usage.resetSeconds ?? 1,
        );
      }
      const reservation = { id: randomUUID(), apiKeyId };
      await repo.insert({ id: reservation.id, api_key_id: apiKeyId, generation_id: null, at: now });
      return reservation;
    });
  }

  /** Gives a reservation back: the generation failed on our side, or was never attempted. */
  async release(reservation: QuotaReservation): Promise<void> {
    await this.repo.delete(reservation.id);
  }

  #usageAt(repo: QuotaRepository, apiKeyId: string, now: number): Promise<{ used: number; oldest: number | null }> {
    return repo.usageSince(apiKeyId, now - this.windowMs, now - RESERVATION_TTL_MS);
  }

  #usage({ used, oldest }: { used: number; oldest: number | null }, now: number): QuotaUsage {
    const { max, windowDays } = this.#limits;
    return {
      limit: max,
      used,
      remaining: Math.max(0, max - used),
      windowDays,
      resetSeconds: oldest === null ? null : Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)),
    };
  }
}
