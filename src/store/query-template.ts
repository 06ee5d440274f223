// Queries built and compiled once, then run with new values. On the hottest reads (a list page, the quota
// ledger) Kysely's building and compiling cost as much CPU as SQLite running the query; the SQL text of
// such a query never changes, only its parameters.
import type { Compilable, CompiledQuery, Kysely } from 'kysely';

/** Stands in for argument `index` while the query is built; compiled into the parameters as itself. */
class Slot {
  constructor(readonly index: number) {}

  // Kysely would stringify a value it inlines into the SQL text: that must not happen to a placeholder.
  toString(): string {
    throw new Error('queryTemplate: an argument was written into the SQL text instead of bound as a parameter.');
  }
}

/**
 * Builds the query once with placeholders for the arguments and returns a function that runs it with real
 * ones. An argument may only be used as a bound value (where/limit/tuple…), never to decide the query's
 * shape (it is a placeholder while building) or as SQL text (that throws). Arguments the query does not
 * use are ignored.
 *
 * @example
 * const byName = queryTemplate(db, (name: string, limit: number) =>
 *   db.selectFrom('users').selectAll().where('name', '=', name).limit(limit));
 * const rows = await byName('Ada', 10);
 */
export function queryTemplate<DB, Args extends unknown[], Row>(
  db: Kysely<DB>,
  build: (...args: Args) => Compilable<Row>,
): (...args: Args) => Promise<Row[]> {
  if (build.length === 0) throw new Error('queryTemplate: the build function must name its arguments.');
  const slots = Array.from({ length: build.length }, (_, index) => new Slot(index));
  const compiled = build(...(slots as unknown as Args)).compile();
  return async (...args: Args) => {
    const parameters = compiled.parameters.map((value) => (value instanceof Slot ? args[value.index] : value));
    const query: CompiledQuery<Row> = { ...compiled, parameters };
    return (await db.executeQuery(query)).rows;
  };
}
