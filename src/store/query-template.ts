// Queries built and compiled once, then run with new values. On the hottest reads (a list page, the quota
// ledger) Kysely's building and compiling cost as much CPU as SQLite running the query; the SQL text of
// such a query never changes, only its parameters.
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import { ARRAY_ROWS } from './sqlite-driver.ts';

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
  const compiled = compileTemplate(build);
  return async (...args: Args) => (await db.executeQuery(bind(compiled, args))).rows;
}

/**
 * The same as queryTemplate, but each row comes back as an array of its values in select order: for hot
 * reads whose rows are written out at once (a list page), where an object per row is pure cost.
 */
export function arrayQueryTemplate<DB, Args extends unknown[], Values extends unknown[]>(
  db: Kysely<DB>,
  build: (...args: Args) => Compilable<unknown>,
): (...args: Args) => Promise<Values[]> {
  const compiled = compileTemplate(build);
  return async (...args: Args) => {
    const query = Object.assign(bind(compiled, args), { [ARRAY_ROWS]: true });
    const { rows } = await db.executeQuery<unknown>(query);
    // SQLite reads arrays natively; pg gives objects, whose keys are in select order (column names are never integers).
    return rows.map((row) => (Array.isArray(row) ? row : Object.values(row as object))) as Values[];
  };
}

function compileTemplate<Args extends unknown[], Row>(build: (...args: Args) => Compilable<Row>): CompiledQuery<Row> {
  if (build.length === 0) throw new Error('queryTemplate: the build function must name its arguments.');
  const slots = Array.from({ length: build.length }, (_, index) => new Slot(index));
  return build(...(slots as unknown as Args)).compile();
}

function bind<Row>(compiled: CompiledQuery<Row>, args: unknown[]): CompiledQuery<Row> {
  const parameters = compiled.parameters.map((value) => (value instanceof Slot ? args[value.index] : value));
  return { ...compiled, parameters };
}
