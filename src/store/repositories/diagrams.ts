// SQL for diagrams. Every query matches the caller's Owner (tenant + mode): see store/types.ts.
import type { Kysely } from 'kysely';
import type { Database, DiagramRow, DiagramsTable } from '../schema.ts';
import type { Owner } from '../types.ts';
import type { PagePosition } from './folders.ts';
import { arrayQueryTemplate } from '../query-template.ts';

/** A diagram without its XML: what lists and metadata reads fetch. */
export type DiagramMeta = Omit<DiagramRow, 'bpmn_xml'>;

/** `undefined`: every diagram; `null`: top level only; a string: the diagrams in that folder. */
export type FolderFilter = string | null | undefined;

/**
 * A list row as an array, in LIST_COLUMNS order (the owner columns are the caller's own, so not read): a page
 * is written straight from these without an object per row.
 */
export type DiagramListRow = [
  id: string,
  folder_id: string | null,
  name: string,
  version: number,
  source: DiagramsTable['source'],
  stats: string,
  created_by: string,
  created_at: number,
  updated_at: number,
];

const LIST_COLUMNS = ['id', 'folder_id', 'name', 'version', 'source', 'stats', 'created_by', 'created_at', 'updated_at'] as const;

type PageQuery = (
  tenantType: Owner['tenant_type'],
  tenantId: string,
  mode: Owner['mode'],
  folderId: string,
  afterCreatedAt: number,
  afterId: string,
  limit: number,
) => Promise<DiagramListRow[]>;

const META_COLUMNS = [
  'id',
  'tenant_type',
  'tenant_id',
  'mode',
  'folder_id',
  'name',
  'version',
  'source',
  'stats',
  'created_by',
  'created_at',
  'updated_at',
] as const;

export class DiagramRepository {
  readonly #db: Kysely<Database>;
  /** List pages by shape (folder filter × cursor), each built once: see queryTemplate. */
  readonly #pageQueries = new Map<string, PageQuery>();

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insert(row: DiagramRow): Promise<void> {
    await this.#db.insertInto('diagrams').values(row).execute();
  }

  /** Many rows in one statement (tests and benchmarks fill tables with this). */
  async insertMany(rows: DiagramRow[]): Promise<void> {
    if (rows.length > 0) await this.#db.insertInto('diagrams').values(rows).execute();
  }

  async findMeta(owner: Owner, id: string): Promise<DiagramMeta | undefined> {
    return this.#db.selectFrom('diagrams').select(META_COLUMNS).where((eb) => eb.and(owner)).where('id', '=', id).executeTakeFirst();
  }

  async find(owner: Owner, id: string): Promise<DiagramRow | undefined> {
    return this.#db.selectFrom('diagrams').selectAll().where((eb) => eb.and(owner)).where('id', '=', id).executeTakeFirst();
  }

  /** Up to `limit` diagrams after `after`, newest first, without their XML. */
  async page(owner: Owner, folder: FolderFilter, after: PagePosition | null, limit: number): Promise<DiagramMeta[]> {
    const rows = await this.pageRows(owner, folder, after, limit);
    return rows.map(([id, folderId, name, version, source, stats, createdBy, createdAt, updatedAt]) => ({
      id,
      ...owner,
      folder_id: folderId,
      name,
      version,
      source,
      stats,
      created_by: createdBy,
      created_at: createdAt,
      updated_at: updatedAt,
    }));
  }

  /** The same page as `page`, as arrays (see DiagramListRow). */
  async pageRows(owner: Owner, folder: FolderFilter, after: PagePosition | null, limit: number): Promise<DiagramListRow[]> {
    const folderShape = folder === undefined ? 'any' : folder === null ? 'top' : 'in';
    const shape = `${folderShape}:${after ? 'after' : 'first'}`;
    let query = this.#pageQueries.get(shape);
    if (!query) {
      query = this.#buildPageQuery(folderShape, after !== null);
      this.#pageQueries.set(shape, query);
    }
    return query(owner.tenant_type, owner.tenant_id, owner.mode, folder ?? '', after?.createdAt ?? 0, after?.id ?? '', limit);
  }

  #buildPageQuery(folder: 'any' | 'top' | 'in', paged: boolean): PageQuery {
    return arrayQueryTemplate(this.#db, (tenantType, tenantId, mode, folderId, afterCreatedAt, afterId, limit) => {
      let query = this.#db
        .selectFrom('diagrams')
        .select(LIST_COLUMNS)
        .where((eb) => eb.and({ tenant_type: tenantType, tenant_id: tenantId, mode }));
      if (folder === 'top') query = query.where('folder_id', 'is', null);
      else if (folder === 'in') query = query.where('folder_id', '=', folderId);
      if (paged) query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(afterCreatedAt, afterId)));
      return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit);
    }) as PageQuery;
  }

  async existsInFolder(owner: Owner, folderId: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom('diagrams')
      .select('id')
      .where((eb) => eb.and(owner))
      .where('folder_id', '=', folderId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Applies the changes and bumps the version, only if the version is still `expectedVersion` (when given).
   * Returns the diagram as this update left it (without XML), or null when nothing matched (no such diagram, or
   * another version). The update locks the row until the transaction ends (Postgres row lock, SQLite write lock):
   * a concurrent writer waits, then bumps from this version, so two writers never get the same number.
   */
  async update(
    owner: Owner,
    id: string,
    changes: Partial<Pick<DiagramRow, 'name' | 'folder_id' | 'bpmn_xml' | 'stats'>> & { updated_at: number },
    expectedVersion: number | null,
  ): Promise<DiagramMeta | null> {
    let query = this.#db
      .updateTable('diagrams')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
      .where((eb) => eb.and(owner))
      .where('id', '=', id);
    if (expectedVersion !== null) query = query.where('version', '=', expectedVersion);
    return (await query.returning(META_COLUMNS).executeTakeFirst()) ?? null;
  }

  /** True when a diagram was deleted. */
  async delete(owner: Owner, id: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('diagrams').where((eb) => eb.and(owner)).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
