// SQL for the generation-quota ledgers: one quota_events row per generation counted to an API key, one
// workspace_quota_events row per dashboard generation counted to a workspace (a user's or an organization's).
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../db.ts';
import { queryTemplate } from '../query-template.ts';
import type { Database } from '../schema.ts';




/** Whose ledger: an API key's, or a workspace's (dashboard generations). */
export type QuotaSubject = { apiKeyId: string } | { tenantType: 'user' | 'organization'; tenantId: string };

type UsageRow = { used: number | string; oldest: number | null };

export class QuotaRepository {
  readonly #db: Kysely<Database>;
  readonly #engine: Engine;
  /** GET /key reads usage on every request: built once (see queryTemplate). */
  #usageQuery: ((apiKeyId: string, since: number, abandonedBefore: number) => Promise<UsageRow[]>) | undefined;

  constructor(db: Kysely<Database>, engine: Engine) {
    this.#db = db;
    this.#engine = engine;
  }

  /** Runs `work` in a transaction with a repository bound to it. */
  transaction<T>(work: (repo: QuotaRepository) => Promise<T>): Promise<T> {
    return this.#db.transaction().execute((trx) => work(new QuotaRepository(trx, this.#engine)));
  }

  /**
   * Serialises quota decisions for one subject until the transaction ends. Postgres: the row lock of the key, user
   * or organization, across every server process. SQLite: a no-op write takes the database write lock before
   * anything is read, so a second process waits (busy_timeout) instead of counting from a stale snapshot.
   */
  async lock(subject: QuotaSubject): Promise<void> {
    const [table, column, id] =
      'apiKeyId' in subject
        ? (['api_keys', 'last_used_at', subject.apiKeyId] as const)
        : ([subject.tenantType === 'user' ? 'users' : 'organizations', 'id', subject.tenantId] as const);
    if (this.#engine === 'postgres') {
      await sql`select id from ${sql.table(table)} where id = ${id} for update`.execute(this.#db);
    } else {
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${sql.ref(column)} where id = ${id}`.execute(this.#db);
    }
  }

  /**
   * The subject's events after `since` (exclusive), their number and the oldest one's time; reservations never
   * attached to a generation count only if made after `abandonedBefore` (older ones were left by a crash).
   */
  async usageSince(subject: QuotaSubject, since: number, abandonedBefore: number): Promise<{ used: number; oldest: number | null }> {
    let row: UsageRow | undefined;
    if ('apiKeyId' in subject) {
      this.#usageQuery ??= queryTemplate(this.#db, (id: string, after: number, abandoned: number) =>
        this.#db
          .selectFrom('quota_events')
          .select((eb) => [eb.fn.countAll<number | string>().as('used'), eb.fn.min<number | null>('at').as('oldest')])
          .where('api_key_id', '=', id)
          .where('at', '>', after)
          .where((eb) => eb.or([eb('generation_id', 'is not', null), eb('at', '>', abandoned)])),
      );
      [row] = await this.#usageQuery(subject.apiKeyId, since, abandonedBefore);
    } else {
      row = await this.#db
        .selectFrom('workspace_quota_events')
        .select((eb) => [eb.fn.countAll<number | string>().as('used'), eb.fn.min<number | null>('at').as('oldest')])
        .where('tenant_type', '=', subject.tenantType)
        .where('tenant_id', '=', subject.tenantId)
        .where('at', '>', since)
        .where((eb) => eb.or([eb('generation_id', 'is not', null), eb('at', '>', abandonedBefore)]))
        .executeTakeFirst();
    }
    if (!row) throw new Error('An aggregate query returned no row.');
    return { used: Number(row.used), oldest: row.oldest === null ? null : Number(row.oldest) };
  }

  async insert(subject: QuotaSubject, id: string, at: number): Promise<void> {
    if ('apiKeyId' in subject) {
      await this.#db.insertInto('quota_events').values({ id, api_key_id: subject.apiKeyId, generation_id: null, at }).execute();
    } else {
      await this.#db
        .insertInto('workspace_quota_events')
        .values({ id, tenant_type: subject.tenantType, tenant_id: subject.tenantId, generation_id: null, at })
        .execute();
    }
  }

  async attach(subject: QuotaSubject, eventId: string, generationId: string): Promise<void> {
    await this.#db.updateTable(tableOf(subject)).set({ generation_id: generationId }).where('id', '=', eventId).execute();
  }

  async delete(subject: QuotaSubject, eventId: string): Promise<void> {
    await this.#db.deleteFrom(tableOf(subject)).where('id', '=', eventId).execute();
  }
}

function tableOf(subject: QuotaSubject): 'quota_events' | 'workspace_quota_events' {
  return 'apiKeyId' in subject ? 'quota_events' : 'workspace_quota_events';
}
