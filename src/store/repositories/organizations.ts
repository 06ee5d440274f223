// SQL for the organizations table.
import type { Kysely } from 'kysely';
import type { Database, OrganizationRow } from '../schema.ts';
import type { OrganizationPlan } from '../types.ts';

export class OrganizationRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertOrganization(row: OrganizationRow): Promise<void> {
    await this.#db.insertInto('organizations').values(row).execute();
  }

  async findOrganizationById(id: string): Promise<OrganizationRow | undefined> {
    return this.#db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listOrganizations(): Promise<OrganizationRow[]> {
    return this.#db.selectFrom('organizations').selectAll().orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
  }

  /** Returns whether an organization was updated. */
  async updateOrganizationPlan(id: string, plan: OrganizationPlan): Promise<boolean> {
    const result = await this.#db.updateTable('organizations').set({ plan }).where('id', '=', id).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
