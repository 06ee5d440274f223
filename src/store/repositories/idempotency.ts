// SQL for idempotency records: one row per (API key, Idempotency-Key), claimed by insert, so the primary key
// decides which of several concurrent requests (in any process) runs.
import type { Kysely } from 'kysely';
import type { Database, IdempotencyRow } from '../schema.ts';
import { isUniqueViolation } from '../unique-violation.ts';



export interface StoredResponse {
  status: number;
  type: string;
  body: string;
}

export class IdempotencyRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Inserts an in-progress claim; false when a row for this key already exists. */
  async claim(row: Omit<IdempotencyRow, 'status' | 'response_status' | 'response_type' | 'response_body'>): Promise<boolean> {
    try {
      await this.#db
        .insertInto('idempotency_keys')
        .values({ ...row, status: 'in_progress', response_status: null, response_type: null, response_body: null })
        .execute();
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async find(apiKeyId: string, key: string): Promise<IdempotencyRow | undefined> {
    return this.#db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('api_key_id', '=', apiKeyId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
  }

  /** Takes over an abandoned claim (compare-and-set on its lock), so two takers never both run. */
  async takeOver(apiKeyId: string, key: string, staleLock: number, lockedUntil: number): Promise<boolean> {
    const result = await this.#db
      .updateTable('idempotency_keys')
      .set({ locked_until: lockedUntil })
      .where('api_key_id', '=', apiKeyId)
      .where('idempotency_key', '=', key)
      .where('status', '=', 'in_progress')
      .where('locked_until', '=', staleLock)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async complete(apiKeyId: string, key: string, response: StoredResponse): Promise<void> {
    await this.#db
      .updateTable('idempotency_keys')
      .set({ status: 'completed', response_status: response.status, response_type: response.type, response_body: response.body })
      .where('api_key_id', '=', apiKeyId)
      .where('idempotency_key', '=', key)
      .execute();
  }

  /** Removes one record (a released claim, or an expired one found on the way). */
  async delete(apiKeyId: string, key: string, createdAt?: number): Promise<void> {
    let query = this.#db.deleteFrom('idempotency_keys').where('api_key_id', '=', apiKeyId).where('idempotency_key', '=', key);
    if (createdAt !== undefined) query = query.where('created_at', '=', createdAt);
    await query.execute();
  }

  /** Deletes records that expired before `now`; returns how many. */
  async deleteExpired(now: number): Promise<number> {
    const result = await this.#db.deleteFrom('idempotency_keys').where('expires_at', '<', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
