// Migrations of one schema while other sessions create and drop schemas (as parallel test files, or a second
// tenant's tooling, do): Kysely's own introspector failed these with "schema … does not exist".
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.ts';
import { migrate } from '../../src/store/migrations/index.ts';
import { TEST_DATABASE_URL, testEngines } from '../helpers/db.ts';

const postgres = (await testEngines()).find((engine) => engine.name === 'postgres');

describe.skipIf(!postgres)('migrations on Postgres beside schemas being dropped', () => {
  it('checks the migration tables of its own schema only, so a concurrent drop elsewhere cannot fail it', async () => {
    const database = await postgres!.createDatabase();
    const store = await openDatabase(database.url);
    const churn = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await churn.connect();
    let stop = false;
    const churning = (async () => {
      for (let i = 0; !stop; i++) {
        const name = `churn_${process.pid}_${i}`;
        await churn.query(`create schema "${name}"; create table "${name}".t (id serial primary key)`);
        await churn.query(`drop schema "${name}" cascade`);
      }
    })();
    try {
      expect(await migrate(store)).not.toEqual([]);
      for (let i = 0; i < 150; i++) expect(await migrate(store)).toEqual([]);
    } finally {
      stop = true;
      await churning;
      await churn.end();
      await store.close();
      await database.drop();
    }
  }, 180_000);
});
