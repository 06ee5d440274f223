// SQL for the users table.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database, NewUserRow, UserRow } from '../schema.ts';
import type { UserPlan } from '../types.ts';

export async function insertUser(db: Kysely<Database>, row: NewUserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Case-insensitive, matching the unique index on lower(email). */
export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function listUsers(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
}

/** Returns whether a user was updated. */
export async function updateUserPlan(db: Kysely<Database>, id: string, plan: UserPlan, now: number): Promise<boolean> {
  const result = await db.updateTable('users').set({ plan, updated_at: now }).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
