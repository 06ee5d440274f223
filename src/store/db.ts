// Opens the database named by DATABASE_URL: embedded SQLite (better-sqlite3) or PostgreSQL (pg Pool).
//
// Timestamps: every time column is epoch milliseconds in a BIGINT. SQLite returns integers as JS numbers,
// and the pg pool below parses int8 into numbers too, so both engines hand back the same values, compare
// the same in SQL (`last_used_at < $1`) and need no time-zone handling. Epoch ms stay exact in a double
// until the year 287396. Ids are UUIDs (crypto.randomUUID) stored as text on both engines.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';
import { SchemaPostgresDialect } from './postgres-introspector.ts';
import { CachingSqliteDialect, ChangeStamp } from './sqlite-driver.ts';

export type Engine = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  engine: Engine;
  /** The Postgres schema this store works in (from `?schema=`), else null. */
  schema: string | null;
  close(): Promise<void>;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
}

export class DatabaseUrlError extends Error {
  override name = 'DatabaseUrlError';
}

const INT8_OID = 20;
const changeStamps = new WeakMap<Kysely<Database>, () => number>();

/**
 * For a store's root `db` on SQLite: a function returning a number that changes whenever the database may
 * have changed, in this process or another (see ChangeStamp); lets callers keep a read until it could be
 * stale. Null on PostgreSQL (no cheap equivalent) and for transactions.
 */
export function changeStampOf(db: Kysely<Database>): (() => number) | null {
  return changeStamps.get(db) ?? null;
}
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Opens a store. Does not migrate: call `migrate(store)` from ./migrations/index.ts.
 *
 * @example
 * const store = await openDatabase('sqlite:./data/jfi.sqlite');   // or 'sqlite::memory:'
 * const pgStore = await openDatabase('postgres://postgres@127.0.0.1:5432/test?schema=run_42');
 */
export async function openDatabase(databaseUrl: string): Promise<Store> {
  if (databaseUrl.startsWith('sqlite:')) return openSqlite(databaseUrl.slice('sqlite:'.length));
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return openPostgres(databaseUrl);
  throw new DatabaseUrlError('The database URL must start with sqlite: or postgres://.');
}

function openSqlite(file: string): Store {
  if (file === '') throw new DatabaseUrlError('sqlite: needs a file path, e.g. sqlite:./data/jfi.sqlite.');
  const inMemory = file === ':memory:';
  if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new BetterSqlite3(inMemory ? ':memory:' : file);
  if (!inMemory) database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  // Other processes (the CLI next to a running server) may hold the write lock for a moment.
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  const changes = new ChangeStamp(database);
  const db = new Kysely<Database>({ dialect: new CachingSqliteDialect({ database, changes }) });
  changeStamps.set(db, () => changes.current());
  return {
    db,
    engine: 'sqlite',
    schema: null,
    close: () => db.destroy(),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
  };
}

async function openPostgres(databaseUrl: string): Promise<Store> {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new DatabaseUrlError('The postgres:// database URL is not a valid URL.');
  }
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw new DatabaseUrlError('The schema parameter must be a lower-case SQL identifier (a-z, 0-9, _).');
  }
  // Loaded only for a Postgres URL: SQLite deployments and the CLI's engine commands never pay for the driver.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url.toString(),
    max: 10,
    connectionTimeoutMillis: 5000,
    // Per pool, not pg's global type registry: BIGINT → number (see the note at the top).
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
    // A startup parameter, so every pooled connection works in the schema before its first query.
    ...(schema === null ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle pooled connection that Postgres (or the network) drops is an 'error' event on the pool; unhandled, it
  // would end the process. pg discards that client and the next query opens a new one, and /readyz reports the outage.
  pool.on('error', () => {});
  // The same for a client checked out of the pool when its connection drops between queries: the query fails, the
  // process lives on.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new SchemaPostgresDialect({ pool }, schema ?? 'public') });
  if (schema !== null) {
    try {
      await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  return {
    db,
    engine: 'postgres',
    schema,
    close: () => db.destroy(),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
  };
}
