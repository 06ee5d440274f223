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

  /** Removes a user's sessions, all or all but one; returns how many. */
  async deleteForUser(userId: string, exceptId: string | null = null): Promise<number> {
    let query = this.#db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptId !== null) query = query.where('id', '!=', exceptId);
    return Number((await query.executeTakeFirst()).numDeletedRows);
  }

  /** How many live sessions a user has at `now`. */
  async countForUser(userId: string, now: number): Promise<number> {
    const row = await this.#db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('user_id', '=', userId)
      .where('expires_at', '>', now)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Removes the sessions that expired at or before `now`; returns how many. */
  async deleteExpired(now: number): Promise<number> {
    const result = await this.#db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
