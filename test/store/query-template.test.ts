import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryTemplate } from '../../src/store/query-template.ts';
import { CachingSqliteDialect } from '../../src/store/sqlite-driver.ts';

interface TestDb {
  items: { id: number; name: string; score: number };
}

describe('queryTemplate', () => {
  let db: Kysely<TestDb>;
  beforeEach(async () => {
    db = new Kysely<TestDb>({ dialect: new CachingSqliteDialect({ database: new BetterSqlite3(':memory:') }) });
    await db.schema.createTable('items').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('name', 'text').addColumn('score', 'integer').execute();
    await db.insertInto('items').values([{ id: 1, name: 'a', score: 10 }, { id: 2, name: 'b', score: 20 }, { id: 3, name: 'a', score: 30 }]).execute();
  });
  afterEach(() => db.destroy());

  it('runs the query compiled once with each call’s arguments, constants kept', async () => {
    const byName = queryTemplate(db, (name: string, minScore: number, limit: number) =>
      db.selectFrom('items').select('id').where('name', '=', name).where('score', '>=', minScore).where('id', '<', 100).orderBy('id').limit(limit),
    );
    expect(await byName('a', 0, 10)).toEqual([{ id: 1 }, { id: 3 }]);
    expect(await byName('a', 15, 10)).toEqual([{ id: 3 }]);
    expect(await byName('b', 0, 10)).toEqual([{ id: 2 }]);
    expect(await byName('a', 0, 1)).toEqual([{ id: 1 }]);
  });

  it('gives the same rows as building the query each time, tuples included', async () => {
    const after = queryTemplate(db, (score: number, id: number) =>
      db.selectFrom('items').selectAll().where((eb) => eb(eb.refTuple('score', 'id'), '<', eb.tuple(score, id))).orderBy('score', 'desc'),
    );
    for (const [score, id] of [[30, 3], [20, 2], [10, 1], [99, 0]] as const) {
      const direct = await db.selectFrom('items').selectAll().where((eb) => eb(eb.refTuple('score', 'id'), '<', eb.tuple(score, id))).orderBy('score', 'desc').execute();
      expect(await after(score, id)).toEqual(direct);
    }
  });

  it('refuses an argument written into the SQL text', () => {
    expect(() => queryTemplate(db, (name: string) => db.selectFrom('items').select('id').where('name', '=', sql.lit(name)))).toThrow(
      /bound as a parameter/,
    );
  });
});
