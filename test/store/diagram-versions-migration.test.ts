// Migration 0004 on each engine: diagrams that existed before it get their current content as their first version
// (number, source, author, time, the generation's prompt), compressed, and the table refuses a duplicate number.
import { brotliDecompressSync } from 'node:zlib';
import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../../src/store/db.ts';
import { MIGRATIONS, migrate } from '../../src/store/migrations/index.ts';
import { isUniqueViolation } from '../../src/store/unique-violation.ts';
import { testEngines, type TestDatabase } from '../helpers/db.ts';

const engines = await testEngines();
const XML = '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p"><task id="t" name="Prüfen"/></process></definitions>';

describe.each(engines)('diagram versions migration on $name', (engine) => {
  let database: TestDatabase;
  let store: Store;

  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('backfills one version per existing diagram from its current content', async () => {
    database = await engine.createDatabase();
    store = await openDatabase(database.url);
    const migrator = new Migrator({
      db: store.db,
      provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
      ...(store.engine === 'postgres' ? { migrationTableSchema: store.schema ?? 'public' } : {}),
    });
    expect((await migrator.migrateTo('0003_workspace_quota')).error).toBeUndefined();
    const owner = { tenant_type: 'user', tenant_id: 'u1', mode: 'live' } as const;
    const diagram = (id: string, version: number, source: 'imported' | 'generated') => ({
      id, ...owner, folder_id: null, name: id, bpmn_xml: XML.replace('Prüfen', `Prüfen ${id}`), version, source,
      stats: '{"tasks":1,"events":0,"gateways":0,"lanes":0,"pools":0,"flows":0}', created_by: 'u1', created_at: 1000, updated_at: 5000 + version,
    });
    const ids = Array.from({ length: 450 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    for (let i = 0; i < ids.length; i += 150) {
      await store.db.insertInto('diagrams').values(ids.slice(i, i + 150).map((id, j) => diagram(id, 1 + ((i + j) % 4), (i + j) % 2 ? 'generated' : 'imported'))).execute();
    }
    await store.db.insertInto('generations').values({
      id: 'g1', ...owner, api_key_id: null, prompt: 'The clerk checks the invoice.', name: 'x', folder_id: null, diagram_id: ids[1]!,
      provider: 'builtin', model: 'builtin-1', status: 'succeeded', warnings: '[]', duration_ms: 1, created_by: 'u1', created_at: 1000,
    }).execute();

    expect((await migrate(store))[0]).toBe('0004_diagram_versions');
    const rows = await store.db.selectFrom('diagram_versions').selectAll().orderBy('diagram_id').execute();
    expect(rows).toHaveLength(ids.length);
    for (const [i, row] of rows.entries()) {
      const expected = diagram(ids[i]!, 1 + (i % 4), i % 2 ? 'generated' : 'imported');
      expect(row).toMatchObject({ diagram_id: expected.id, version: expected.version, source: expected.source, stats: expected.stats, created_by: 'u1', created_at: expected.updated_at });
      expect(brotliDecompressSync(row.bpmn_br).toString('utf8')).toBe(expected.bpmn_xml);
      expect(row.prompt).toBe(i === 1 ? 'The clerk checks the invoice.' : null);
    }
    const duplicate = await store.db.insertInto('diagram_versions').values({ ...rows[0]!, source: 'edited' }).execute().then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(duplicate)).toBe(true);
  });
});
