// Why a key was revoked, when it was not by hand: 'member_left' when its creator left the organization, so the
// owner's list and the 401 can say so. Organization keys whose creator is already gone (removed before keys were
// revoked on leaving) are revoked now for that reason.
import { sql, type Kysely } from 'kysely';

// Migrations are frozen snapshots: they take a Kysely that knows no tables, not today's Database type.
// The columns the update reads and writes, as they were when this migration was written.
interface Snapshot {
  api_keys: { organization_id: string | null; user_id: string; revoked_at: number | null; revoked_reason: string | null };
  memberships: { organization_id: string; user_id: string };
}

export async function up(db: Kysely<Snapshot>): Promise<void> {
  await db.schema
    .alterTable('api_keys')
    .addColumn('revoked_reason', 'text', (c) => c.check(sql`revoked_reason in ('member_left')`))
    .execute();
  await db
    .updateTable('api_keys')
    .set({ revoked_at: Date.now(), revoked_reason: 'member_left' })
    .where('organization_id', 'is not', null)
    .where('revoked_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('memberships as m')
            .select(sql`1`.as('one'))
            .whereRef('m.organization_id', '=', 'api_keys.organization_id')
            .whereRef('m.user_id', '=', 'api_keys.user_id'),
        ),
      ),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_keys').dropColumn('revoked_reason').execute();
}
