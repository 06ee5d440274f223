// SQL for generations. Every read matches the caller's Owner (tenant + mode): see store/types.ts.
import type { Kysely } from 'kysely';
import type { Database, GenerationRow } from '../schema.ts';
import type { Owner } from '../types.ts';
import type { PagePosition } from './folders.ts';



export class GenerationRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
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
