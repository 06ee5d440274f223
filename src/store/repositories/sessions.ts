// SQL for dashboard sessions, found by the SHA-256 of their cookie token.
import type { Kysely } from 'kysely';
import type { Database, NewSessionRow, SessionRow } from '../schema.ts';

export class SessionRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insert(row: NewSessionRow): Promise<void> {
    await this.#db.insertInto('sessions').values(row).execute();
  }

  async findByTokenHash(tokenHash: string): Promise<SessionRow | undefined> {
    return this.#db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  async deleteByTokenHash(tokenHash: string): Promise<void> {
    await this.#db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  /** Removes the sessions that expired at or before `now`; returns how many. */
  async deleteExpired(now: number): Promise<number> {
    const result = await this.#db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
