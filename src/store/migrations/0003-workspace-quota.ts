// The dashboard's generation ledger: one row per generation charged to a workspace (a user's personal space or an
// organization), the same design as quota_events for API keys.
import { sql, type Kysely } from 'kysely';

// Migrations are frozen snapshots: they take a Kysely that knows no tables, not today's Database type.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workspace_quota_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_type', 'text', (c) => c.notNull().check(sql`tenant_type in ('user', 'organization')`))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('generation_id', 'text', (c) => c.references('generations.id').onDelete('set null'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('workspace_quota_events_tenant_at')
    .on('workspace_quota_events')
    .columns(['tenant_type', 'tenant_id', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workspace_quota_events').execute();
}
