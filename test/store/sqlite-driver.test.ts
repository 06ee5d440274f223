import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { CachingSqliteDialect, StatementCache } from '../../src/store/sqlite-driver.ts';

interface TestDb {
  items: { id: number; name: string };
}

describe('StatementCache', () => {
  it('hands back the same statement for the same SQL and evicts the least recently used', () => {
    const database = new BetterSqlite3(':memory:');
    const cache = new StatementCache(database, 2);
    const one = cache.prepare('select 1');
    expect(cache.prepare('select 1')).toBe(one);
    const two = cache.prepare('select 2');
    cache.prepare('select 1'); // now 'select 2' is the least recently used
    cache.prepare('select 3');
    expect(cache.size).toBe(2);
    expect(cache.prepare('select 1')).toBe(one);
    expect(cache.prepare('select 2')).not.toBe(two);
    database.close();
  });

  it('does not cache SQL that fails to prepare', () => {
    const database = new BetterSqlite3(':memory:');
    const cache = new StatementCache(database);
    expect(() => cache.prepare('select from nowhere')).toThrow();
    expect(cache.size).toBe(0);
    database.close();
  });
});

describe('CachingSqliteDialect', () => {
  let db: Kysely<TestDb> | undefined;
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
  });

  async function open(): Promise<Kysely<TestDb>> {
    db = new Kysely<TestDb>({ dialect: new CachingSqliteDialect({ database: new BetterSqlite3(':memory:') }) });
    await db.schema.createTable('items').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('name', 'text', (c) => c.notNull()).execute();
    return db;
  }

  it('binds fresh parameters on every run of a cached statement', async () => {
    const db = await open();
    for (const [id, name] of [[1, 'a'], [2, 'b'], [3, 'c']] as const) {
      const result = await db.insertInto('items').values({ id, name }).executeTakeFirst();
      expect(result.insertId).toBe(BigInt(id));
    }
    for (const id of [1, 2, 3]) {
      expect(await db.selectFrom('items').select('name').where('id', '=', id).executeTakeFirst()).toEqual({ name: 'abc'[id - 1] });
    }
    const updated = await db.updateTable('items').set({ name: 'z' }).where('id', '>', 1).executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(2n);
  });

  it('commits, rolls back and uses savepoints', async () => {
    const db = await open();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ id: 1, name: 'kept' }).execute();
    });
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('items').values({ id: 2, name: 'gone' }).execute();
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const trx = await db.startTransaction().execute();
    await trx.insertInto('items').values({ id: 3, name: 'kept too' }).execute();
    const savepoint = await trx.savepoint('before_four').execute();
    await savepoint.insertInto('items').values({ id: 4, name: 'undone' }).execute();
    await savepoint.rollbackToSavepoint('before_four').execute();
    await trx.commit().execute();
    expect((await db.selectFrom('items').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual([1, 3]);
  });

  it('sees schema changes made after a statement was cached', async () => {
    const db = await open();
    await db.insertInto('items').values({ id: 1, name: 'a' }).execute();
    expect(await sql`select * from items`.execute(db)).toMatchObject({ rows: [{ id: 1, name: 'a' }] });
    await db.schema.alterTable('items').addColumn('extra', 'integer', (c) => c.defaultTo(7)).execute();
    expect(await sql`select * from items`.execute(db)).toMatchObject({ rows: [{ id: 1, name: 'a', extra: 7 }] });
  });

  it('streams select queries and reports SQL errors as errors', async () => {
    const db = await open();
    await db.insertInto('items').values([{ id: 1, name: 'a' }, { id: 2, name: 'b' }]).execute();
    const streamed: number[] = [];
    for await (const row of db.selectFrom('items').select('id').orderBy('id').stream()) streamed.push(row.id);
    expect(streamed).toEqual([1, 2]);
    await expect(db.insertInto('items').values({ id: 1, name: 'duplicate' }).execute()).rejects.toThrow(/UNIQUE/);
  });
});
