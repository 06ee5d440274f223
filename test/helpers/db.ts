// Real databases for tests: a temp SQLite file always, and a fresh Postgres schema when Postgres is reachable.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Engine, type Store } from '../../src/store/db.ts';
import { migrate } from '../../src/store/migrations/index.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  /** A DATABASE_URL for code that opens its own connection (createServices, the CLI, a server). */
  url: string;
  /** Deletes the database (file or schema). */
  drop(): Promise<void>;
}

export interface TestEngine {
  name: Engine;
  /** A fresh, empty database nobody else uses. */
  createDatabase(): Promise<TestDatabase>;
  /** A fresh database, opened and migrated; its close() also drops it. */
  openStore(): Promise<Store>;
}

/**
 * The engines a suite should run against: SQLite always; Postgres when TEST_DATABASE_URL answers
 * (otherwise skipped with a printed reason, or a failure under CI=true). Each database is isolated
 * (its own temp file or schema), so tests and parallel runs never collide.
 *
 * @example
 * const engines = await testEngines();
 * describe.each(engines)('users on $name', (engine) => {
 *   let store: Store;
 *   beforeEach(async () => { store = await engine.openStore(); });
 *   afterEach(() => store.close());
 *   it('…', async () => { … });
 * });
 */
export async function testEngines(): Promise<TestEngine[]> {
  const engines: TestEngine[] = [sqliteEngine];
  const unreachable = await postgresUnreachable();
  if (unreachable === null) engines.push(postgresEngine);
  else if (process.env.CI === 'true') throw new Error(`Postgres at ${redact(TEST_DATABASE_URL)} is required under CI: ${unreachable}`);
  else console.warn(`Skipping Postgres tests: ${redact(TEST_DATABASE_URL)} is unreachable (${unreachable}).`);
  return engines;
}

const sqliteEngine: TestEngine = {
  name: 'sqlite',
  async createDatabase() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfi-test-'));
    return { url: `sqlite:${path.join(dir, 'jfi.sqlite')}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  },
  openStore: () => openMigrated(sqliteEngine),
};

const postgresEngine: TestEngine = {
  name: 'postgres',
  async createDatabase() {
    const schema = `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('schema', schema);
    return {
      url: url.toString(),
      drop: async () => {
        const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await client.connect();
        try {
          await client.query(`drop schema if exists "${schema}" cascade`);
        } finally {
          await client.end();
        }
      },
    };
  },
  openStore: () => openMigrated(postgresEngine),
};

async function openMigrated(engine: TestEngine): Promise<Store> {
  const database = await engine.createDatabase();
  const store = await openDatabase(database.url);
  await migrate(store);
  return {
    ...store,
    close: async () => {
      if (store.engine === 'postgres' && store.schema !== null) {
        await sql`drop schema if exists ${sql.id(store.schema)} cascade`.execute(store.db);
      }
      await store.close();
      if (store.engine === 'sqlite') await database.drop();
    },
  };
}

async function postgresUnreachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

function redact(databaseUrl: string): string {
  return databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
