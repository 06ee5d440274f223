// SQL for the organizations table.
import type { Kysely } from 'kysely';
import type { Database, OrganizationRow } from '../schema.ts';
import type { OrganizationPlan } from '../types.ts';

export async function insertOrganization(db: Kysely<Database>, row: OrganizationRow): Promise<void> {
  await db.insertInto('organizations').values(row).execute();
}

export async function findOrganizationById(db: Kysely<Database>, id: string): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listOrganizations(db: Kysely<Database>): Promise<OrganizationRow[]> {
  return db.selectFrom('organizations').selectAll().orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
}

/** Returns whether an organization was updated. */
export async function updateOrganizationPlan(db: Kysely<Database>, id: string, plan: OrganizationPlan): Promise<boolean> {
  const result = await db.updateTable('organizations').set({ plan }).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
