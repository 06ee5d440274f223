// SQL for diagram versions. Every read matches the caller's Owner through the diagram (see store/types.ts): a
// version of another tenant's or mode's diagram does not exist.
import type { Kysely } from 'kysely';
import { queryTemplate } from '../query-template.ts';
import type { Database, DiagramVersionRow } from '../schema.ts';
import type { Owner } from '../types.ts';

/** A version without its XML: what lists and metadata reads fetch. */
export type DiagramVersionMeta = Omit<DiagramVersionRow, 'bpmn_br'>;

const META_COLUMNS = ['diagram_id', 'version', 'source', 'stats', 'prompt', 'created_by', 'created_at'] as const;

type PageQuery = (
  diagramId: string,
  tenantType: Owner['tenant_type'],
  tenantId: string,
  mode: Owner['mode'],
  beforeVersion: number,
  limit: number,
) => Promise<DiagramVersionMeta[]>;

export class DiagramVersionRepository {
  readonly #db: Kysely<Database>;
  /** The first page and the pages after a cursor, each built once (see queryTemplate). */
  readonly #pageQueries = new Map<boolean, PageQuery>();

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async insert(row: DiagramVersionRow): Promise<void> {
    await this.#db.insertInto('diagram_versions').values(row).execute();
  }

  /** Many rows in one statement (tests and benchmarks fill tables with this). */
  async insertMany(rows: DiagramVersionRow[]): Promise<void> {
    if (rows.length > 0) await this.#db.insertInto('diagram_versions').values(rows).execute();
  }

  /** Up to `limit` versions of the diagram older than `beforeVersion` (all when null), newest first, without XML. */
  async page(owner: Owner, diagramId: string, beforeVersion: number | null, limit: number): Promise<DiagramVersionMeta[]> {
    const paged = beforeVersion !== null;
    let query = this.#pageQueries.get(paged);
    if (!query) {
      query = this.#buildPageQuery(paged);
      this.#pageQueries.set(paged, query);
    }
    return query(diagramId, owner.tenant_type, owner.tenant_id, owner.mode, beforeVersion ?? 0, limit);
  }

  async findMeta(owner: Owner, diagramId: string, version: number): Promise<DiagramVersionMeta | undefined> {
    return this.#owned(owner, diagramId).select(META_COLUMNS).where('version', '=', version).executeTakeFirst();
  }

  async find(owner: Owner, diagramId: string, version: number): Promise<DiagramVersionRow | undefined> {
    return this.#owned(owner, diagramId).selectAll().where('version', '=', version).executeTakeFirst();
  }

  /** Deletes all but the newest `keep` versions of the diagram; returns how many went. */
  async trim(diagramId: string, keep: number): Promise<number> {
    const result = await this.#db
      .deleteFrom('diagram_versions')
      .where('diagram_id', '=', diagramId)
      .where('version', '<', (eb) =>
        eb
          .selectFrom('diagram_versions')
          .select('version')
          .where('diagram_id', '=', diagramId)
          .orderBy('version', 'desc')
          .limit(1)
          .offset(keep - 1),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  #owned(owner: Owner, diagramId: string) {
    return this.#db
      .selectFrom('diagram_versions')
      .where('diagram_id', '=', diagramId)
      .where((eb) => eb.exists(eb.selectFrom('diagrams').select('id').where('id', '=', diagramId).where((d) => d.and(owner))));
  }

  #buildPageQuery(paged: boolean): PageQuery {
    return queryTemplate(this.#db, (diagramId: string, tenantType: Owner['tenant_type'], tenantId: string, mode: Owner['mode'], beforeVersion: number, limit: number) => {
      let query = this.#db
        .selectFrom('diagram_versions')
        .select(META_COLUMNS)
        .where('diagram_id', '=', diagramId)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('diagrams')
              .select('id')
              .where('id', '=', diagramId)
              .where((d) => d.and({ tenant_type: tenantType, tenant_id: tenantId, mode })),
          ),
        );
      if (paged) query = query.where('version', '<', beforeVersion);
      return query.orderBy('version', 'desc').limit(limit);
    }) as PageQuery;
  }
}
