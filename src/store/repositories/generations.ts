// SQL for generations. Every read matches the caller's Owner (tenant + mode): see services/tenancy.ts.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.ts';
import type { Owner } from '../../services/tenancy.ts';
import type { PagePosition } from './folders.ts';

export interface GenerationsTable {
  id: string;
  tenant_type: Owner['tenant_type'];
  tenant_id: string;
  mode: Owner['mode'];
  api_key_id: string | null;
  prompt: string;
  name: string;
  folder_id: string | null;
  diagram_id: string | null;
  provider: string;
  model: string;
  status: 'running' | 'succeeded' | 'failed';
  /** JSON array of warning strings. */
  warnings: string;
  duration_ms: number | null;
  created_by: string;
  created_at: number;
}

export type GenerationRow = Selectable<GenerationsTable>;

type GenerationDb = Kysely<Database & { generations: GenerationsTable }>;

export class GenerationRepository {
  readonly #db: GenerationDb;

  constructor(db: Kysely<Database>) {
    this.#db = db.withTables<{ generations: GenerationsTable }>();
  }

  async insert(row: GenerationRow): Promise<void> {
    await this.#db.insertInto('generations').values(row).execute();
  }

  /** Only finished generations are visible: a reservation in flight is not a resource yet. */
  async find(owner: Owner, id: string): Promise<GenerationRow | undefined> {
    return this.#db
      .selectFrom('generations')
      .selectAll()
      .where((eb) => eb.and(owner))
      .where('id', '=', id)
      .where('status', '=', 'succeeded')
      .executeTakeFirst();
  }

  /** Up to `limit` generations after `after`, newest first. */
  async page(owner: Owner, after: PagePosition | null, limit: number): Promise<GenerationRow[]> {
    let query = this.#db.selectFrom('generations').selectAll().where((eb) => eb.and(owner)).where('status', '=', 'succeeded');
    if (after) query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)));
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }
}
