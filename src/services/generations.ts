// Generations: a plain-language description (plus the contexts of the target folder and its ancestors) turned
// into a saved diagram with source 'generated', paid for from the key's quota. The quota is reserved before the
// provider runs and given back when generation fails (unreadable text, provider failure, our own fault): only a
// saved diagram costs a generation.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { InvalidRequestError, NotFoundError, ValidationError } from '../errors.ts';
import type { Config } from '../config.ts';
import { MAX_PROMPT_CHARS } from '../generate/generate.ts';
import type { Engine } from '../store/db.ts';
import { DiagramRepository } from '../store/repositories/diagrams.ts';
import type { PagePosition } from '../store/repositories/folders.ts';
import { GenerationRepository } from '../store/repositories/generations.ts';
import { QuotaRepository } from '../store/repositories/quota.ts';
import type { Database, DiagramRow, DiagramVersionRow, GenerationRow } from '../store/schema.ts';
import { toDiagram, versionRow, type Diagram } from './diagrams.ts';
import { DiagramVersionRepository } from '../store/repositories/diagram-versions.ts';
import { folderNotFound, isForeignKeyViolation, MAX_NAME_LENGTH, type FolderService } from './folders.ts';
import { rfc3339 } from './timestamps.ts';
import type { GenerationPool, GenerationTask } from './generation-pool.ts';
import type { QuotaReservation, QuotaService } from './quota.ts';
import type { Actor, Owner } from './tenancy.ts';

export interface Generation {
  object: 'generation';
  id: string;
  prompt: string;
  name: string;
  folder_id: string | null;
  diagram_id: string | null;
  provider: string;
  model: string;
  warnings: string[];
  duration_ms: number;
  created_at: string;
  livemode: boolean;
}

export interface NewGeneration {
  prompt: string;
  name?: string;
  folder_id?: string | null;
}

/**
 * The provider failed (unreachable, timed out, answered nonsense twice). Not our fault, so not a 500, and the
 * contract has no 5xx for upstreams: 422 validation_failed, like any prompt the generator cannot turn into a
 * process — but worth a retry, so the route frees the Idempotency-Key (docs/generation-api.md).
 */
export class ProviderFailedError extends ValidationError {}

export interface GenerationServiceOptions {
  engine: Engine;
  generator: Config['generator'];
  now?: () => number;
}

const UNTITLED = 'Untitled diagram';

export class GenerationService {
  readonly repo: GenerationRepository;
  readonly #db: Kysely<Database>;
  readonly #engine: Engine;
  readonly #folders: FolderService;
  readonly #quota: QuotaService;
  readonly #pool: GenerationPool;
  readonly #generator: Config['generator'];
  readonly #now: () => number;

  constructor(db: Kysely<Database>, folders: FolderService, quota: QuotaService, pool: GenerationPool, options: GenerationServiceOptions) {
    this.repo = new GenerationRepository(db);
    this.#db = db;
    this.#engine = options.engine;
    this.#folders = folders;
    this.#quota = quota;
    this.#pool = pool;
    this.#generator = options.generator;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Generates and saves a diagram, charging one generation to `apiKeyId` (429 quota_exceeded when spent).
   * `apiKeyId` null is a person in the dashboard: charged to the workspace (its plan must allow generation, and
   * the dashboard quota applies).
   * @example const { generation, diagram } = await generations.create(actor, key.id, { prompt: 'The clerk checks the invoice.' });
   */
  async create(actor: Actor, apiKeyId: string | null, input: NewGeneration): Promise<{ generation: Generation; diagram: Diagram }> {
    const prompt = checkPrompt(input.prompt);
    const name = input.name === undefined ? undefined : checkName(input.name);
    const folderId = input.folder_id ?? null;
    const contexts = folderId === null ? [] : await this.#contexts(actor.owner, folderId);

    const reservation =
      apiKeyId === null
        ? await this.#quota.reserveForWorkspace({ tenantType: actor.owner.tenant_type, tenantId: actor.owner.tenant_id })
        : await this.#quota.reserve(apiKeyId);
    let saved: { generation: Generation; diagram: Diagram };
    try {
      const task: GenerationTask = { prompt, contexts, generator: this.#generator, ...(name === undefined ? {} : { name }) };
      const outcome = await this.#pool.run(task);
      if (!outcome.ok) {
        if (outcome.code === 'unreadable') throw new ValidationError(outcome.message, 'prompt');
        throw new ProviderFailedError(
          `The generator could not produce a process right now: ${outcome.message} Nothing was saved and no quota was used; try again later.`,
        );
      }
      const now = this.#now();
      const diagram: DiagramRow = {
        id: randomUUID(),
        ...actor.owner,
        folder_id: folderId,
        name: name ?? (outcome.name.trim().slice(0, MAX_NAME_LENGTH) || UNTITLED),
        bpmn_xml: outcome.xml,
        version: 1,
        source: 'generated',
        stats: JSON.stringify(outcome.stats),
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
      const generation: GenerationRow = {
        id: randomUUID(),
        ...actor.owner,
        api_key_id: apiKeyId,
        prompt,
        name: diagram.name,
        folder_id: folderId,
        diagram_id: diagram.id,
        provider: outcome.provider,
        model: outcome.model,
        status: 'succeeded',
        warnings: JSON.stringify(outcome.warnings),
        duration_ms: outcome.duration_ms,
        created_by: actor.userId,
        created_at: now,
      };
      const version = await versionRow(diagram, { xml: outcome.xml, stats: outcome.stats, source: 'generated', prompt });
      await this.#save(diagram, version, generation, reservation);
      saved = { generation: toGeneration(generation), diagram: toDiagram(diagram) };
    } catch (error) {
      await this.#quota.release(reservation);
      // The folder was deleted while we generated: the foreign key refused the diagram.
      if (isForeignKeyViolation(error) && folderId !== null) throw folderNotFound(folderId, 'folder_id');
      throw error;
    }
    return saved;
  }

  async get(owner: Owner, id: string): Promise<Generation> {
    return toGeneration(await this.#require(owner, id));
  }

  /** Rows for one keyset page (`limit` at most), newest first. */
  async page(owner: Owner, after: PagePosition | null, limit: number): Promise<GenerationRow[]> {
    return this.repo.page(owner, after, limit);
  }

  /** The id of the diagram a generation made (404 when the generation is not this owner's, or its diagram was deleted). */
  async diagramIdOf(owner: Owner, id: string): Promise<string> {
    const row = await this.#require(owner, id);
    if (row.diagram_id === null) throw new NotFoundError(`The diagram of generation '${id}' was deleted.`);
    return row.diagram_id;
  }

  async close(): Promise<void> {
    await this.#pool.close();
  }

  /** The contexts of the folder and its ancestors, outermost first, blank ones left out. */
  async #contexts(owner: Owner, folderId: string): Promise<string[]> {
    try {
      const lineage = await this.#folders.lineage(owner, folderId);
      return lineage.map((folder) => folder.context.trim()).filter((context) => context !== '');
    } catch (error) {
      if (error instanceof NotFoundError) throw folderNotFound(folderId, 'folder_id');
      throw error;
    }
  }

  // Diagram, its first version, generation and the ledger entry's link to it: all or nothing.
  async #save(diagram: DiagramRow, version: DiagramVersionRow, generation: GenerationRow, reservation: QuotaReservation): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await new DiagramRepository(trx).insert(diagram);
      await new DiagramVersionRepository(trx).insert(version);
      await new GenerationRepository(trx).insert(generation);
      await new QuotaRepository(trx, this.#engine).attach(reservation.subject, reservation.id, generation.id);
    });
  }

  async #require(owner: Owner, id: string): Promise<GenerationRow> {
    const row = await this.repo.find(owner, id);
    if (!row) throw new NotFoundError(`No such generation: '${id}'.`);
    return row;
  }
}

export function toGeneration(row: GenerationRow): Generation {
  return {
    object: 'generation',
    id: row.id,
    prompt: row.prompt,
    name: row.name,
    folder_id: row.folder_id,
    diagram_id: row.diagram_id,
    provider: row.provider,
    model: row.model,
    warnings: JSON.parse(row.warnings) as string[],
    duration_ms: row.duration_ms ?? 0,
    created_at: rfc3339(row.created_at),
    livemode: row.mode === 'live',
  };
}

/** 1–20,000 characters after trimming: blank is 422 (nothing to generate from), too long is 400. */
function checkPrompt(raw: string): string {
  const prompt = raw.trim();
  if (prompt === '') throw new ValidationError('prompt is empty after trimming whitespace: describe the process to generate.', 'prompt');
  if (prompt.length > MAX_PROMPT_CHARS) {
    throw new InvalidRequestError('invalid_parameter', `prompt must be at most ${MAX_PROMPT_CHARS} characters, got ${prompt.length}.`, 'prompt');
  }
  return prompt;
}

function checkName(raw: string): string {
  const name = raw.trim();
  if (name === '' || name.length > MAX_NAME_LENGTH) {
    throw new InvalidRequestError('invalid_parameter', `name must be 1 to ${MAX_NAME_LENGTH} characters (not only spaces).`, 'name');
  }
  return name;
}
