// Idempotent POSTs (api-v1.md §6): the first request with a key claims it and runs; a repeat with the same
// body replays the stored response; another body is idempotency_key_reused; a repeat while the first still
// runs is idempotency_key_in_progress. Records live 24 h in the database, so every server process sees them.
import { createHash } from 'node:crypto';
import { ConflictError, InvalidRequestError } from '../errors.ts';
import type { IdempotencyRepository, StoredResponse } from '../store/repositories/idempotency.ts';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A claim older than this without a response is treated as abandoned (its process died) and may be retried. */
export const IDEMPOTENCY_LOCK_MS = 5 * 60 * 1000;

const KEY_FORMAT = /^[\x21-\x7e](?:[\x20-\x7e]{0,253}[\x21-\x7e])?$/;

export type IdempotencyOutcome = { kind: 'run' } | { kind: 'replay'; response: StoredResponse };

export interface IdempotentRequest {
  apiKeyId: string;
  key: string;
  method: string;
  path: string;
  body: unknown;
}

export class IdempotencyService {
  readonly #repo: IdempotencyRepository;
  readonly #now: () => number;
  #lastSweep = 0;

  constructor(repo: IdempotencyRepository, now: () => number = Date.now) {
    this.#repo = repo;
    this.#now = now;
  }

  /** Throws 400 idempotency_key_invalid unless `raw` is 1–255 printable ASCII characters. */
  static checkKey(raw: string): string {
    if (!KEY_FORMAT.test(raw)) {
      throw new InvalidRequestError(
        'idempotency_key_invalid',
        'Idempotency-Key must be 1 to 255 printable ASCII characters without leading or trailing spaces.',
      );
    }
    return raw;
  }

  /**
   * Claims the key for this request, or answers how to treat it: replay, or a 409 ConflictError.
   * @example const outcome = await idempotency.begin({ apiKeyId, key, method: 'POST', path: '/api/v1/folders', body });
   */
  async begin(request: IdempotentRequest): Promise<IdempotencyOutcome> {
    const now = this.#now();
    await this.#sweep(now);
    const hash = requestHash(request);
    const { apiKeyId, key } = request;
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimed = await this.#repo.claim({
        api_key_id: apiKeyId,
        idempotency_key: key,
        request_hash: hash,
        locked_until: now + IDEMPOTENCY_LOCK_MS,
        created_at: now,
        expires_at: now + IDEMPOTENCY_TTL_MS,
      });
      if (claimed) return { kind: 'run' };
      const existing = await this.#repo.find(apiKeyId, key);
      if (!existing) continue; // deleted between our insert and read: try again
      if (existing.expires_at <= now) {
        await this.#repo.delete(apiKeyId, key, existing.created_at);
        continue;
      }
      if (existing.request_hash !== hash) {
        throw new ConflictError(
          'idempotency_key_reused',
          'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
        );
      }
      if (existing.status === 'completed' && existing.response_status !== null) {
        return {
          kind: 'replay',
          response: { status: existing.response_status, type: existing.response_type ?? 'application/json', body: existing.response_body ?? '' },
        };
      }
      if (existing.locked_until <= now && (await this.#repo.takeOver(apiKeyId, key, existing.locked_until, now + IDEMPOTENCY_LOCK_MS))) {
        return { kind: 'run' };
      }
      throw new ConflictError(
        'idempotency_key_in_progress',
        'A request with this Idempotency-Key is still being processed. Retry after it finishes.',
      );
    }
    throw new ConflictError('idempotency_key_in_progress', 'This Idempotency-Key is changing hands; retry in a moment.');
  }

  /** Stores the response of a request that ran, for replays. */
  async complete(apiKeyId: string, key: string, response: StoredResponse): Promise<void> {
    await this.#repo.complete(apiKeyId, key, response);
  }

  /** Frees the key (the request failed on our side), so the client may retry with it. */
  async release(apiKeyId: string, key: string): Promise<void> {
    await this.#repo.delete(apiKeyId, key);
  }

  // Expired rows are dropped at most once a minute per process, on the way; begin() ignores them anyway.
  async #sweep(now: number): Promise<void> {
    if (now - this.#lastSweep < 60_000) return;
    this.#lastSweep = now;
    await this.#repo.deleteExpired(now);
  }
}

/** SHA-256 over method, path and the body in a canonical form (object keys sorted), so key order does not matter. */
export function requestHash(request: Pick<IdempotentRequest, 'method' | 'path' | 'body'>): string {
  return createHash('sha256')
    .update(`${request.method.toUpperCase()} ${request.path}\n`)
    .update(canonicalJson(request.body ?? null))
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
