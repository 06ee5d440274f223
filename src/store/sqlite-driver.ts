// Kysely's SQLite dialect with a prepared-statement cache. Kysely's own SqliteDriver calls `db.prepare(sql)` on
// every query; preparing was the largest single cost of an authenticated request in profiles (about 15 % of
// the CPU of GET /api/v1/key). Queries built by Kysely have a fixed SQL text per shape with the values bound
// as parameters, so a small cache by SQL text catches nearly all of them.
import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteDialect,
  createQueryId,
  sql,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * Set on a CompiledQuery to get its rows as arrays in select order (better-sqlite3 `raw`): no object per row,
 * about half the cost of reading a list page. Other drivers ignore it; see queryTemplate.
 */
export const ARRAY_ROWS: unique symbol = Symbol('rows as arrays');

/** Distinct SQL texts kept prepared; the app has far fewer query shapes, so eviction means ad-hoc SQL. */
export const STATEMENT_CACHE_SIZE = 256;

/** Statements by SQL text, least recently used first (a Map keeps insertion order). */
export class StatementCache {
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

  constructor(
    private readonly database: BetterSqlite3.Database,
    private readonly capacity: number = STATEMENT_CACHE_SIZE,
  ) {}

  get size(): number {
    return this.#statements.size;
  }

  prepare(sqlText: string): BetterSqlite3.Statement {
    const cached = this.#statements.get(sqlText);
    if (cached !== undefined) {
      // Move to the most recently used end.
      this.#statements.delete(sqlText);
      this.#statements.set(sqlText, cached);
      return cached;
    }
    const statement = this.database.prepare(sqlText);
    this.#statements.set(sqlText, statement);
    if (this.#statements.size > this.capacity) {
      const oldest = this.#statements.keys().next().value as string;
      this.#statements.delete(oldest);
    }
    return statement;
  }
}

/**
 * A number that changes whenever the database may have changed: after any statement of this connection that
 * can write (DDL, RETURNING and rolled-back writes included), and after a commit by any other connection or
 * process (SQLite's `data_version`). Equal numbers mean nothing was written in between, so a result read
 * under the first is still current.
 */
export class ChangeStamp {
  #count = 0;
  #version: unknown = undefined;
  readonly #dataVersion: BetterSqlite3.Statement;

  constructor(database: BetterSqlite3.Database) {
    this.#dataVersion = database.prepare('pragma data_version').pluck();
  }

  recordWrite(): void {
    this.#count++;
  }

  current(): number {
    let version: unknown;
    try {
      version = this.#dataVersion.get();
    } catch {
      // The connection is busy (a streaming read): assume a change rather than trust an old stamp.
      return ++this.#count;
    }
    if (version !== this.#version) {
      this.#version = version;
      this.#count++;
    }
    return this.#count;
  }
}

/** SqliteDialect whose driver reuses prepared statements and counts writes for a ChangeStamp. */
export class CachingSqliteDialect extends SqliteDialect {
  readonly #database: BetterSqlite3.Database;
  readonly #changes: ChangeStamp | undefined;

  constructor(config: { database: BetterSqlite3.Database; changes?: ChangeStamp }) {
    super({ database: config.database });
    this.#database = config.database;
    this.#changes = config.changes;
  }

  override createDriver(): Driver {
    return new CachingSqliteDriver(this.#database, this.#changes);
  }
}

class CachingSqliteDriver implements Driver {
  readonly #mutex = new ConnectionMutex();
  readonly #database: BetterSqlite3.Database;
  readonly #connection: CachingSqliteConnection;

  constructor(database: BetterSqlite3.Database, changes: ChangeStamp | undefined) {
    this.#database = database;
    this.#connection = new CachingSqliteConnection(database, changes);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    // SQLite has one connection: wait until it is released (as Kysely's SqliteDriver does).
    await this.#mutex.lock();
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(compileQuery(savepointCommand('savepoint', name), createQueryId()));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(compileQuery(savepointCommand('rollback to', name), createQueryId()));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(compileQuery(savepointCommand('release', name), createQueryId()));
  }

  async releaseConnection(): Promise<void> {
    this.#mutex.unlock();
  }

  async destroy(): Promise<void> {
    this.#database.close();
  }
}

class CachingSqliteConnection implements DatabaseConnection {
  readonly #database: BetterSqlite3.Database;
  readonly #statements: StatementCache;
  readonly #changes: ChangeStamp | undefined;

  constructor(database: BetterSqlite3.Database, changes: ChangeStamp | undefined) {
    this.#database = database;
    this.#statements = new StatementCache(database);
    this.#changes = changes;
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.#statements.prepare(compiledQuery.sql);
    if (!statement.readonly) this.#changes?.recordWrite();
    const parameters = compiledQuery.parameters as unknown[];
    if (statement.reader) {
      // Cached statements are shared: set the row mode on every read, not only when it is wanted.
      statement.raw((compiledQuery as { [ARRAY_ROWS]?: boolean })[ARRAY_ROWS] === true);
      return Promise.resolve({ rows: statement.all(parameters) as R[] });
    }
    const { changes, lastInsertRowid } = statement.run(parameters);
    return Promise.resolve({ numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] });
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiledQuery.query)) throw new Error('The SQLite driver streams only select queries.');
    // Its own statement: an iterating statement is busy and could not serve the cache meanwhile.
    const statement = this.#database.prepare(compiledQuery.sql);
    for (const row of statement.iterate(compiledQuery.parameters as unknown[])) yield { rows: [row as R] };
  }
}

function savepointCommand(command: 'savepoint' | 'rollback to' | 'release', name: string) {
  return sql`${sql.raw(command)} ${sql.id(name)}`.toOperationNode();
}

class ConnectionMutex {
  #held: Promise<void> | undefined;
  #release: (() => void) | undefined;

  async lock(): Promise<void> {
    while (this.#held) await this.#held;
    this.#held = new Promise((resolve) => {
      this.#release = resolve;
    });
  }

  unlock(): void {
    const release = this.#release;
    this.#held = undefined;
    this.#release = undefined;
    release?.();
  }
}
