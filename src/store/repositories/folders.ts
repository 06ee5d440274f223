// SQL for folders. Every query matches the caller's Owner (tenant + mode): see store/types.ts.
import { sql, type Kysely } from 'kysely';
import type { Database, FolderRow } from '../schema.ts';
import type { Owner } from '../types.ts';



/** Where a keyset page starts: strictly after this row in (created_at desc, id desc) order. */
export interface PagePosition {
  createdAt: number;
  id: string;
}

/** `undefined`: every folder; `null`: top level only; a string: the children of that folder. */
export type ParentFilter = string | null | undefined;

export class FolderRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Runs `work` in a transaction with a repository bound to it. */
  transaction<T>(work: (repo: FolderRepository) => Promise<T>): Promise<T> {
    return this.#db.transaction().execute((trx) => work(new FolderRepository(trx)));
  }

  async insert(row: FolderRow): Promise<void> {
    await this.#db.insertInto('folders').values(row).execute();
  }

  /** Many rows in one statement (tests and benchmarks fill tables with this). */
  async insertMany(rows: FolderRow[]): Promise<void> {
    if (rows.length > 0) await this.#db.insertInto('folders').values(rows).execute();
  }

  async find(owner: Owner, id: string): Promise<FolderRow | undefined> {
    return this.#db.selectFrom('folders').selectAll().where((eb) => eb.and(owner)).where('id', '=', id).executeTakeFirst();
  }

  /** Up to `limit` folders after `after`, newest first. */
  async page(owner: Owner, parent: ParentFilter, after: PagePosition | null, limit: number): Promise<FolderRow[]> {
    let query = this.#db.selectFrom('folders').selectAll().where((eb) => eb.and(owner));
    if (parent === null) query = query.where('parent_id', 'is', null);
    else if (parent !== undefined) query = query.where('parent_id', '=', parent);
    if (after) query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)));
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  /** Parent ids from `id` upwards (the folder itself first), at most `max` of them. */
  async ancestry(owner: Owner, id: string, max: number): Promise<string[]> {
    const chain: string[] = [];
    let current: string | null = id;
    while (current !== null && chain.length < max) {
      const row: { parent_id: string | null } | undefined = await this.#db
        .selectFrom('folders')
        .select('parent_id')
        .where((eb) => eb.and(owner))
        .where('id', '=', current)
        .executeTakeFirst();
      if (!row) break;
      chain.push(current);
      current = row.parent_id;
    }
    return chain;
  }

  /** Levels below `id` (0 when it has no sub-folders). */
  async subtreeHeight(owner: Owner, id: string): Promise<number> {
    const { rows } = await sql<{ height: number | string | null }>`
      with recursive sub(id, depth) as (
        select id, 0 from folders
        where id = ${id} and tenant_type = ${owner.tenant_type} and tenant_id = ${owner.tenant_id} and mode = ${owner.mode}
        union all
        select f.id, sub.depth + 1 from folders f join sub on f.parent_id = sub.id
        where f.tenant_type = ${owner.tenant_type} and f.tenant_id = ${owner.tenant_id} and f.mode = ${owner.mode}
          and sub.depth < 1000
      )
      select max(depth) as height from sub`.execute(this.#db);
    return Number(rows[0]?.height ?? 0);
  }

  async hasChildren(owner: Owner, id: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom('folders')
      .select('id')
      .where((eb) => eb.and(owner))
      .where('parent_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Applies the changes; returns the updated row, or undefined when no such folder. */
  async update(
    owner: Owner,
    id: string,
    changes: Partial<Pick<FolderRow, 'name' | 'parent_id' | 'context'>> & { updated_at: number },
  ): Promise<FolderRow | undefined> {
    await this.#db.updateTable('folders').set(changes).where((eb) => eb.and(owner)).where('id', '=', id).execute();
    return this.find(owner, id);
  }

  /** True when a folder was deleted. */
  async delete(owner: Owner, id: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('folders').where((eb) => eb.and(owner)).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Serialises folder moves of one tenant (Postgres; SQLite transactions are serial already). */
  async lockTenant(owner: Owner, engine: 'sqlite' | 'postgres'): Promise<void> {
    if (engine === 'postgres') {
      await sql`select pg_advisory_xact_lock(hashtext(${`folders:${owner.tenant_type}:${owner.tenant_id}:${owner.mode}`}))`.execute(this.#db);
    }
  }
}
