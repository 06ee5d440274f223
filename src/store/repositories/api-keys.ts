// SQL for the api_keys table.
import type { Kysely } from 'kysely';
import type { ApiKeyRow, Database, NewApiKeyRow } from '../schema.ts';
import type { MembershipRole, OrganizationPlan, UserPlan } from '../types.ts';

/** A key with everything authentication decides on, read in one query. */
export interface ApiKeyAuthRow extends ApiKeyRow {
  user_plan: UserPlan;
  organization_plan: OrganizationPlan | null;
  /** The creator's role in the key's organization; null when they left it (or for personal keys). */
  creator_role: MembershipRole | null;
}

export class ApiKeyRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insertApiKey(row: NewApiKeyRow): Promise<void> {
    await this.#db.insertInto('api_keys').values(row).execute();
  }

  async findApiKeyById(id: string): Promise<ApiKeyRow | undefined> {
    return this.#db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findApiKeyForAuth(keyHash: string): Promise<ApiKeyAuthRow | undefined> {
    return this.#db
      .selectFrom('api_keys as k')
      .innerJoin('users as u', 'u.id', 'k.user_id')
      .leftJoin('organizations as o', 'o.id', 'k.organization_id')
      .leftJoin('memberships as m', (join) =>
        join.onRef('m.organization_id', '=', 'k.organization_id').onRef('m.user_id', '=', 'k.user_id'),
      )
      .selectAll('k')
      .select(['u.plan as user_plan', 'o.plan as organization_plan', 'm.role as creator_role'])
      .where('k.key_hash', '=', keyHash)
      .executeTakeFirst();
  }

  /** Personal keys of a user (not the org keys they created), newest first. */
  async listPersonalApiKeys(userId: string): Promise<ApiKeyRow[]> {
    return this.#db
      .selectFrom('api_keys')
      .selectAll()
      .where('user_id', '=', userId)
      .where('organization_id', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  /** Keys of an organization, whoever created them, newest first. */
  async listOrganizationApiKeys(organizationId: string): Promise<ApiKeyRow[]> {
    return this.#db
      .selectFrom('api_keys')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  /** Sets revoked_at unless already revoked (the first revocation time stays). */
  async revokeApiKey(id: string, now: number): Promise<void> {
    await this.#db.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  }

  /** Keys of a personal space (organizationId null) or an organization that are neither revoked nor expired at `now`. */
  async countActiveApiKeys(owner: { userId: string; organizationId: string | null }, now: number): Promise<number> {
    let query = this.#db
      .selectFrom('api_keys')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]));
    query = owner.organizationId === null ? query.where('user_id', '=', owner.userId).where('organization_id', 'is', null) : query.where('organization_id', '=', owner.organizationId);
    return Number((await query.executeTakeFirstOrThrow()).count);
  }

  /**
   * Serialises key creation for one owner until the transaction ends (Postgres: the owner's row lock; SQLite: the
   * write lock), so concurrent creations cannot pass the active-key cap together.
   */
  async lockKeyOwner(owner: { userId: string; organizationId: string | null }): Promise<void> {
    if (owner.organizationId === null) await this.#db.updateTable('users').set((eb) => ({ plan: eb.ref('plan') })).where('id', '=', owner.userId).execute();
    else await this.#db.updateTable('organizations').set((eb) => ({ plan: eb.ref('plan') })).where('id', '=', owner.organizationId).execute();
  }

  /** Revokes the unrevoked keys a member created for an organization: they leave with the member. */
  async revokeMemberApiKeys(organizationId: string, userId: string, now: number): Promise<void> {
    await this.#db
      .updateTable('api_keys')
      .set({ revoked_at: now, revoked_reason: 'member_left' })
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /**
   * Records use unless it was already recorded after `cutoff`: the condition in the UPDATE makes the
   * once-a-minute limit hold across server processes. Returns whether a row was written.
   */
  async touchApiKey(id: string, now: number, cutoff: number): Promise<boolean> {
    const result = await this.#db
      .updateTable('api_keys')
      .set({ last_used_at: now })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', cutoff)]))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
