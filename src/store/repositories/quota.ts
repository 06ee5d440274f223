// SQL for the generation-quota ledger: one quota_events row per counted generation of an API key.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Engine } from '../db.ts';
import { queryTemplate } from '../query-template.ts';
import type { Database } from '../schema.ts';

export interface QuotaEventsTable {
  id: string;
  api_key_id: string;
  /** Null while the generation it pays for is still running. */
  generation_id: string | null;
  at: number;
}

export type QuotaEventRow = Selectable<QuotaEventsTable>;

type QuotaDb = Kysely<Database & { quota_events: QuotaEventsTable }>;

export class QuotaRepository {
  readonly #db: QuotaDb;
  readonly #engine: Engine;
  /** GET /key reads usage on every request: built once (see queryTemplate). */
  #usageQuery: ((apiKeyId: string, since: number, abandonedBefore: number) => Promise<{ used: number | string; oldest: number | null }[]>) | undefined;

  constructor(db: Kysely<Database>, engine: Engine) {
    this.#db = db.withTables<{ quota_events: QuotaEventsTable }>();
    this.#engine = engine;
  }

  /** Runs `work` in a transaction with a repository bound to it. */
  transaction<T>(work: (repo: QuotaRepository) => Promise<T>): Promise<T> {
    return this.#db.transaction().execute((trx) => work(new QuotaRepository(trx as unknown as Kysely<Database>, this.#engine)));
  }

  /**
   * Serialises quota decisions for one key until the transaction ends. Postgres: the key's row lock, across
   * every server process. SQLite: a no-op write takes the database write lock before anything is read, so a
   * second process waits (busy_timeout) instead of counting from a stale snapshot.
   */
  async lockKey(apiKeyId: string): Promise<void> {
    if (this.#engine === 'postgres') {
      await sql`select id from api_keys where id = ${apiKeyId} for update`.execute(this.#db);
    } else {
      await sql`update api_keys set last_used_at = last_used_at where id = ${apiKeyId}`.execute(this.#db);
    }
  }

  /**
   * The key's events after `since` (exclusive), their number and the oldest one's time; reservations never
   * attached to a generation count only if made after `abandonedBefore` (older ones were left by a crash).
   */
  async usageSince(apiKeyId: string, since: number, abandonedBefore: number): Promise<{ used: number; oldest: number | null }> {
    this.#usageQuery ??= queryTemplate(this.#db, (id: string, after: number, abandoned: number) =>
      this.#db
        .selectFrom('quota_events')
        .select((eb) => [eb.fn.countAll<number | string>().as('used'), eb.fn.min<number | null>('at').as('oldest')])
        .where('api_key_id', '=', id)
        .where('at', '>', after)
        .where((eb) => eb.or([eb('generation_id', 'is not', null), eb('at', '>', abandoned)])),
    );
    const [row] = await this.#usageQuery(apiKeyId, since, abandonedBefore);
    if (!row) throw new Error('An aggregate query returned no row.');
    return { used: Number(row.used), oldest: row.oldest === null ? null : Number(row.oldest) };
  }

  async insert(row: QuotaEventRow): Promise<void> {
    await this.#db.insertInto('quota_events').values(row).execute();
  }

  async attach(eventId: string, generationId: string): Promise<void> {
    await this.#db.updateTable('quota_events').set({ generation_id: generationId }).where('id', '=', eventId).execute();
  }

  async delete(eventId: string): Promise<void> {
    await this.#db.deleteFrom('quota_events').where('id', '=', eventId).execute();
  }
}
