// Migration 0004 on a database from before it: an organization key whose creator had already left (removed before
// leaving revoked keys) is revoked for that reason; keys of members and personal keys stay as they were.
import { Migrator } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../../src/store/db.ts';
import { MIGRATIONS, migrate } from '../../src/store/migrations/index.ts';
import { testEngines, type TestDatabase } from '../helpers/db.ts';

const engines = await testEngines();

describe.each(engines)('migration 0005_key_revocation_reason on $name', (engine) => {
  let database: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    database = await engine.createDatabase();
    store = await openDatabase(database.url);
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('revokes the organization keys of creators who already left, as member_left', async () => {
    const migrator = new Migrator({
      db: store.db,
      provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
      ...(store.engine === 'postgres' ? { migrationTableSchema: store.schema ?? 'public' } : {}),
    });
    expect((await migrator.migrateTo('0003_workspace_quota')).error).toBeUndefined();
    const db = store.db;
    for (const id of ['stays', 'left']) {
      await db.insertInto('users').values({ id, email: `${id}@example.com`, name: id, password_hash: 'x', plan: 'pro', created_at: 1, updated_at: 1 }).execute();
    }
    await db.insertInto('organizations').values({ id: 'org', name: 'Acme', plan: 'team', created_at: 1 }).execute();
    await db.insertInto('memberships').values({ organization_id: 'org', user_id: 'stays', role: 'owner', created_at: 1 }).execute();
    const key = (id: string, userId: string, organizationId: string | null) => ({
      id, name: id, key_hash: `hash-${id}`, hint: 'h', mode: 'live' as const, scopes: '[]', user_id: userId, organization_id: organizationId,
      expires_at: null, revoked_at: null, last_used_at: null, created_at: 1,
    });
    await db.insertInto('api_keys').values([key('member-key', 'stays', 'org'), key('orphan-key', 'left', 'org'), key('personal-key', 'left', null)]).execute();

    expect(await migrate(store)).toContain('0005_key_revocation_reason');
    const rows = await db.selectFrom('api_keys').select(['id', 'revoked_at', 'revoked_reason']).orderBy('id').execute();
    expect(rows.map((r) => [r.id, r.revoked_at !== null, r.revoked_reason])).toEqual([
      ['member-key', false, null],
      ['orphan-key', true, 'member_left'],
      ['personal-key', false, null],
    ]);
  });
});
