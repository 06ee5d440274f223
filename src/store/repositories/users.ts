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

  /** Sets the fields given (name, email, password hash); returns whether a user was updated. */
  async updateUser(id: string, changes: Partial<Pick<UserRow, 'name' | 'email' | 'password_hash'>>, now: number): Promise<boolean> {
    const result = await this.#db.updateTable('users').set({ ...changes, updated_at: now }).where('id', '=', id).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /**
   * Deletes a user and their personal space (diagrams, folders, generations, quota ledger, in both modes); their
   * memberships, keys (organization keys they created too), sessions and reset links go with the user row.
   * Organization data they created stays: it belongs to the organization.
   */
  async deleteUserAndPersonalSpace(id: string): Promise<void> {
    const personal = { tenant_type: 'user', tenant_id: id } as const;
    await this.#db.deleteFrom('generations').where('tenant_type', '=', personal.tenant_type).where('tenant_id', '=', personal.tenant_id).execute();
    await this.#db.deleteFrom('workspace_quota_events').where('tenant_type', '=', personal.tenant_type).where('tenant_id', '=', personal.tenant_id).execute();
    await this.#db.deleteFrom('diagrams').where('tenant_type', '=', personal.tenant_type).where('tenant_id', '=', personal.tenant_id).execute();
    // Folders refer to their parents (restrict): unlink them first, then they go in one statement.
    await this.#db.updateTable('folders').set({ parent_id: null }).where('tenant_type', '=', personal.tenant_type).where('tenant_id', '=', personal.tenant_id).execute();
    await this.#db.deleteFrom('folders').where('tenant_type', '=', personal.tenant_type).where('tenant_id', '=', personal.tenant_id).execute();
    await this.#db.deleteFrom('users').where('id', '=', id).execute();
  }

  /** Returns whether a user was updated. */
  async updateUserPlan(id: string, plan: UserPlan, now: number): Promise<boolean> {
    const result = await this.#db.updateTable('users').set({ plan, updated_at: now }).where('id', '=', id).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
