// SQL for the users table.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database, NewUserRow, UserRow } from '../schema.ts';
import type { UserPlan } from '../types.ts';

export class UserRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertUser(row: NewUserRow): Promise<void> {
    await this.#db.insertInto('users').values(row).execute();
  }

  async findUserById(id: string): Promise<UserRow | undefined> {
    return this.#db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Case-insensitive, matching the unique index on lower(email). */
  async findUserByEmail(email: string): Promise<UserRow | undefined> {
    return this.#db
      .selectFrom('users')
      .selectAll()
      .where(sql<string>`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst();
  }

  async listUsers(): Promise<UserRow[]> {
    return this.#db.selectFrom('users').selectAll().orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
  }

  /** Returns whether a user was updated. */
  async updateUserPlan(id: string, plan: UserPlan, now: number): Promise<boolean> {
    const result = await this.#db.updateTable('users').set({ plan, updated_at: now }).where('id', '=', id).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
