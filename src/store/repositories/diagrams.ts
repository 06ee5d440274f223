// SQL for diagrams. Every query matches the caller's Owner (tenant + mode): see services/tenancy.ts.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.ts';
import type { Owner } from '../../services/tenancy.ts';
import type { PagePosition } from './folders.ts';

export interface DiagramsTable {
  id: string;
  tenant_type: Owner['tenant_type'];
  tenant_id: string;
  mode: Owner['mode'];
  folder_id: string | null;
  name: string;
  bpmn_xml: string;
  version: number;
  source: 'generated' | 'imported';
  /** JSON of BpmnStats. */
  stats: string;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export type DiagramRow = Selectable<DiagramsTable>;
/** A diagram without its XML: what lists and metadata reads fetch. */
export type DiagramMeta = Omit<DiagramRow, 'bpmn_xml'>;

/** `undefined`: every diagram; `null`: top level only; a string: the diagrams in that folder. */
export type FolderFilter = string | null | undefined;

type DiagramDb = Kysely<Database & { diagrams: DiagramsTable }>;

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
  readonly #db: DiagramDb;

  constructor(db: Kysely<Database>) {
    this.#db = db.withTables<{ diagrams: DiagramsTable }>();
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
    let query = this.#db.selectFrom('diagrams').select(META_COLUMNS).where((eb) => eb.and(owner));
    if (folder === null) query = query.where('folder_id', 'is', null);
    else if (folder !== undefined) query = query.where('folder_id', '=', folder);
    if (after) query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)));
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
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
   * Returns false when nothing matched (no such diagram, or another version).
   */
  async update(
    owner: Owner,
    id: string,
    changes: Partial<Pick<DiagramRow, 'name' | 'folder_id' | 'bpmn_xml' | 'stats'>> & { updated_at: number },
    expectedVersion: number | null,
  ): Promise<boolean> {
    let query = this.#db
      .updateTable('diagrams')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
      .where((eb) => eb.and(owner))
      .where('id', '=', id);
    if (expectedVersion !== null) query = query.where('version', '=', expectedVersion);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** True when a diagram was deleted. */
  async delete(owner: Owner, id: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('diagrams').where((eb) => eb.and(owner)).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
