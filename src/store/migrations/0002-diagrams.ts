// Tenant data: folders, diagrams, idempotency records, and the generation ledger (generations, quota_events).
//
// Every tenant table carries (tenant_type, tenant_id, mode): a user's personal space or an organization's,
// in live or test mode. List indexes lead with those three columns and end in (created_at desc, id desc),
// so a keyset page is one index range scan whatever its depth.
import { sql, type Kysely } from 'kysely';

// Migrations are frozen snapshots: they take a Kysely that knows no tables, not today's Database type.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('folders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_type', 'text', (c) => c.notNull().check(sql`tenant_type in ('user', 'organization')`))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('live', 'test')`))
    // Restrict: a folder that still holds folders cannot disappear underneath them.
    .addColumn('parent_id', 'text', (c) => c.references('folders.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('folders_list')
    .on('folders')
    .columns(['tenant_type', 'tenant_id', 'mode', 'created_at desc', 'id desc'])
    .execute();
  await db.schema
    .createIndex('folders_list_by_parent')
    .on('folders')
    .columns(['tenant_type', 'tenant_id', 'mode', 'parent_id', 'created_at desc', 'id desc'])
    .execute();
  await db.schema.createIndex('folders_parent').on('folders').column('parent_id').execute();

  await db.schema
    .createTable('diagrams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_type', 'text', (c) => c.notNull().check(sql`tenant_type in ('user', 'organization')`))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('live', 'test')`))
    .addColumn('folder_id', 'text', (c) => c.references('folders.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('bpmn_xml', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('generated', 'imported')`))
    /** JSON: { tasks, events, gateways, lanes, pools, flows }. */
    .addColumn('stats', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('diagrams_list')
    .on('diagrams')
    .columns(['tenant_type', 'tenant_id', 'mode', 'created_at desc', 'id desc'])
    .execute();
  await db.schema
    .createIndex('diagrams_list_by_folder')
    .on('diagrams')
    .columns(['tenant_type', 'tenant_id', 'mode', 'folder_id', 'created_at desc', 'id desc'])
    .execute();
  await db.schema.createIndex('diagrams_folder').on('diagrams').column('folder_id').execute();

  // One row per (API key, Idempotency-Key): the primary key is what makes a key usable once across processes.
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('api_key_id', 'text', (c) => c.notNull().references('api_keys.id').onDelete('cascade'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    /** SHA-256 hex of method, path and body. */
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('in_progress', 'completed')`))
    /** While in progress: when the claim is considered abandoned (a crashed process) and may be taken over. */
    .addColumn('locked_until', 'bigint', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('response_type', 'text')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['api_key_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('idempotency_keys_expiry').on('idempotency_keys').column('expires_at').execute();

  // The generation issue fills these; they are here so that issue only adds code (design.md "Data").
  await db.schema
    .createTable('generations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_type', 'text', (c) => c.notNull().check(sql`tenant_type in ('user', 'organization')`))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('live', 'test')`))
    .addColumn('api_key_id', 'text', (c) => c.references('api_keys.id').onDelete('set null'))
    .addColumn('prompt', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('folder_id', 'text', (c) => c.references('folders.id').onDelete('set null'))
    .addColumn('diagram_id', 'text', (c) => c.references('diagrams.id').onDelete('set null'))
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running', 'succeeded', 'failed')`))
    /** JSON array of warning strings. */
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('generations_list')
    .on('generations')
    .columns(['tenant_type', 'tenant_id', 'mode', 'created_at desc', 'id desc'])
    .execute();

  await db.schema
    .createTable('quota_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('api_key_id', 'text', (c) => c.notNull().references('api_keys.id').onDelete('cascade'))
    .addColumn('generation_id', 'text', (c) => c.references('generations.id').onDelete('set null'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quota_events_key_at').on('quota_events').columns(['api_key_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['quota_events', 'generations', 'idempotency_keys', 'diagrams', 'folders']) {
    await db.schema.dropTable(table).execute();
  }
}
