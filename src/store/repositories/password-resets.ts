// SQL for one-time password reset links, found by the SHA-256 of their token.
import type { Kysely } from 'kysely';
import type { Database, PasswordResetRow } from '../schema.ts';

export class PasswordResetRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Stores a new link and drops the user's earlier ones: only the newest works. */
  async replaceForUser(row: PasswordResetRow): Promise<void> {
    await this.#db.deleteFrom('password_resets').where('user_id', '=', row.user_id).execute();
    await this.#db.insertInto('password_resets').values(row).execute();
  }

  async findByTokenHash(tokenHash: string): Promise<PasswordResetRow | undefined> {
    return this.#db.selectFrom('password_resets').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  /** Marks the link used unless it already was; returns whether this call used it (so two uses race to one winner). */
  async markUsed(id: string, now: number): Promise<boolean> {
    const result = await this.#db.updateTable('password_resets').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
