// SQL for the memberships table (who belongs to which organization, and as what).
import type { Kysely } from 'kysely';
import type { Database, MembershipRow } from '../schema.ts';
import type { MembershipRole, OrganizationPlan } from '../types.ts';

/** A membership with the names people recognise it by. */
export interface MembershipDetailRow extends MembershipRow {
  email: string;
  user_name: string;
  organization_name: string;
  organization_plan: OrganizationPlan;
}

export class MembershipRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertMembership(row: MembershipRow): Promise<void> {
    await this.#db.insertInto('memberships').values(row).execute();
  }

  async findMembership(organizationId: string,
    userId: string,
  ): Promise<MembershipRow | undefined> {
    return this.#db
      .selectFrom('memberships')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  /** Returns whether a membership was deleted. */
  async deleteMembership(organizationId: string, userId: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('memberships')
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Returns whether a membership was changed. */
  async updateMembershipRole(organizationId: string, userId: string, role: MembershipRole): Promise<boolean> {
    const result = await this.#db
      .updateTable('memberships')
      .set({ role })
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /**
   * Takes the organization's row lock (Postgres) or the write lock (SQLite) for the rest of the transaction, so two
   * owners demoting or removing each other at once cannot leave the organization without one.
   */
  async lockOrganization(organizationId: string): Promise<void> {
    await this.#db.updateTable('organizations').set((eb) => ({ name: eb.ref('name') })).where('id', '=', organizationId).execute();
  }

  async countMembersWithRole(organizationId: string,
    role: MembershipRole,
  ): Promise<number> {
    const row = await this.#db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('organization_id', '=', organizationId)
      .where('role', '=', role)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Memberships of one organization, or of one user, oldest first. */
  async listMembershipDetails(filter: { organizationId?: string; userId?: string },
  ): Promise<MembershipDetailRow[]> {
    let query = this.#db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .select([
        'm.organization_id',
        'm.user_id',
        'm.role',
        'm.created_at',
        'u.email',
        'u.name as user_name',
        'o.name as organization_name',
        'o.plan as organization_plan',
      ]);
    if (filter.organizationId !== undefined) query = query.where('m.organization_id', '=', filter.organizationId);
    if (filter.userId !== undefined) query = query.where('m.user_id', '=', filter.userId);
    return query.orderBy('m.created_at', 'asc').orderBy('m.user_id', 'asc').execute();
  }
}
