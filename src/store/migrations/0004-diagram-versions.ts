// Diagram versions: one immutable row per BPMN content a diagram has had, the current one included, numbered by
// the diagram `version` at which that content arrived (renames and moves bump the diagram's version but add no row).
// The XML is stored brotli-compressed (quality 6: 8.4× smaller on the MIWG files, see docs/benchmarks.md); the
// primary key (diagram_id, version) is the list's index (read backwards), so a page is one range scan whatever its depth.
// Existing diagrams get their current content as their first version.
import { brotliCompressSync, constants } from 'node:zlib';
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const BATCH = 200;

// Migrations are frozen snapshots: they take a Kysely that knows no tables, not today's Database type.
// The columns the backfill reads and writes, as they were when this migration was written.
interface Snapshot {
  diagrams: { id: string; version: number; source: string; stats: string; bpmn_xml: string; created_by: string; updated_at: number | string };
  generations: { diagram_id: string | null; prompt: string };
  diagram_versions: { diagram_id: string; version: number; source: string; stats: string; prompt: string | null; bpmn_br: Buffer; created_by: string; created_at: number };
}

export async function up(db: Kysely<Snapshot>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('diagram_versions')
    .addColumn('diagram_id', 'text', (c) => c.notNull().references('diagrams.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('imported', 'generated', 'edited', 'restored')`))
    /** JSON: { tasks, events, gateways, lanes, pools, flows }. */
    .addColumn('stats', 'text', (c) => c.notNull())
    /** The description a generated version was made from, else null. */
    .addColumn('prompt', 'text')
    /** The BPMN XML, brotli-compressed (UTF-8 inside). */
    .addColumn('bpmn_br', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('diagram_versions_pk', ['diagram_id', 'version'])
    .execute();

  for (let after = ''; ; ) {
    const rows: { id: string; version: number; source: string; stats: string; bpmn_xml: string; created_by: string; updated_at: number | string; prompt: string | null }[] =
      await db
        .selectFrom('diagrams as d')
        .select(['d.id', 'd.version', 'd.source', 'd.stats', 'd.bpmn_xml', 'd.created_by', 'd.updated_at'])
        .select((eb) => eb.selectFrom('generations as g').select('g.prompt').whereRef('g.diagram_id', '=', 'd.id').limit(1).as('prompt'))
        .where('d.id', '>', after)
        .orderBy('d.id')
        .limit(BATCH)
        .execute();
    if (rows.length === 0) break;
    await db
      .insertInto('diagram_versions')
      .values(
        rows.map((row) => ({
          diagram_id: row.id,
          version: row.version,
          source: row.source,
          stats: row.stats,
          prompt: row.prompt,
          bpmn_br: brotliCompressSync(Buffer.from(row.bpmn_xml, 'utf8'), { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }),
          created_by: row.created_by,
          created_at: Number(row.updated_at),
        })),
      )
      .execute();
    after = rows[rows.length - 1]!.id;
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('diagram_versions').execute();
}
