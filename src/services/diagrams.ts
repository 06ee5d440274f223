// Diagrams: import (DI-less documents are laid out), read, rename/move/replace with optimistic concurrency,
// delete. The stored XML is what export returns: the import's model written back by the faithful exporter.
// Every BPMN content a diagram gets is also written, compressed, as a diagram version in the same transaction
// (diagram-versions.ts reads them); renames and moves bump the version number but write none.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ConflictError, InvalidRequestError, NotFoundError, ValidationError } from '../errors.ts';
import { LayoutError } from '../bpmn/layout/layout.ts';
import { BpmnParseError, DEFAULT_PARSE_LIMITS, type ParseLimits } from '../bpmn/parse.ts';
import type { BpmnStats } from '../bpmn/stats.ts';
import type { RenderPool } from '../bpmn/render-pool.ts';
import type { DiagramPage } from '../bpmn/render/di.ts';
import type { Database, DiagramRow, DiagramVersionRow, VersionSource } from '../store/schema.ts';
import { DiagramVersionRepository } from '../store/repositories/diagram-versions.ts';
import {
  DiagramRepository,
  type DiagramListRow,
  type DiagramMeta,
  type FolderFilter,
} from '../store/repositories/diagrams.ts';
import type { PagePosition } from '../store/repositories/folders.ts';
import { folderNotFound, isForeignKeyViolation, MAX_NAME_LENGTH, type FolderService } from './folders.ts';
import { rfc3339 } from './timestamps.ts';
import { compressXml } from './version-codec.ts';
import { organizationIdOf, type Actor, type Owner } from './tenancy.ts';

/** A list row as the repository reads it, an array (see DiagramRepository.pageRows): for the hand-written list page. */
export type { DiagramListRow };

export interface Diagram {
  object: 'diagram';
  id: string;
  name: string;
  folder_id: string | null;
  organization_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  source: 'generated' | 'imported';
  livemode: boolean;
  version: number;
  stats: BpmnStats;
}

export interface ImportDiagram {
  bpmn_xml: string;
  name?: string;
  folder_id?: string | null;
}

export interface DiagramChanges {
  name?: string;
  folder_id?: string | null;
  bpmn_xml?: string;
}

export interface DiagramServiceOptions {
  now?: () => number;
  limits?: ParseLimits;
  /** Told after a diagram changed or was deleted (the image cache drops its renders). */
  onChange?: (diagramId: string) => void;
  /** Versions kept per diagram, the current one included (VERSION_RETENTION); null keeps every version. */
  versionRetention?: number | null;
}

/** Checked BPMN that becomes a diagram's content, with what its version records. */
export interface DiagramContent {
  xml: string;
  stats: BpmnStats;
  source: VersionSource;
  prompt: string | null;
  /** The XML compressed as versions store it, when already at hand (a restore reuses the stored bytes). */
  compressed?: Uint8Array;
}

type DiagramSet = Partial<Pick<DiagramRow, 'name' | 'folder_id' | 'bpmn_xml' | 'stats'>> & { updated_at: number };

const UNTITLED = 'Untitled diagram';

export class DiagramService {
  readonly repo: DiagramRepository;
  readonly #db: Kysely<Database>;
  readonly #folders: FolderService;
  readonly #now: () => number;
  readonly #limits: ParseLimits;
  readonly #pool: RenderPool;
  readonly #onChange: (diagramId: string) => void;
  readonly #retention: number | null;

  /** `pool` runs import preparation (validation, layout, export) off the event loop. */
  constructor(db: Kysely<Database>, folders: FolderService, pool: RenderPool, options: DiagramServiceOptions = {}) {
    this.repo = new DiagramRepository(db);
    this.#db = db;
    this.#folders = folders;
    this.#pool = pool;
    this.#now = options.now ?? Date.now;
    this.#limits = options.limits ?? DEFAULT_PARSE_LIMITS;
    this.#onChange = options.onChange ?? (() => {});
    this.#retention = options.versionRetention ?? null;
  }

  /**
   * Imports BPMN 2.0 XML; 422 validation_failed (nothing stored) when it is unsafe, malformed or invalid BPMN.
   * @example const diagram = await diagrams.importXml(actor, { bpmn_xml: xml, folder_id: null });
   */
  async importXml(actor: Actor, input: ImportDiagram): Promise<Diagram> {
    const imported = await this.#prepare(input.bpmn_xml);
    const folderId = input.folder_id ?? null;
    if (folderId !== null) await this.#folders.requireExists(actor.owner, folderId, 'folder_id');
    const now = this.#now();
    const row: DiagramRow = {
      id: randomUUID(),
      ...actor.owner,
      folder_id: folderId,
      name: input.name === undefined ? (imported.name ?? UNTITLED) : checkName(input.name),
      bpmn_xml: imported.xml,
      version: 1,
      source: 'imported',
      stats: JSON.stringify(imported.stats),
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
    const version = await versionRow(row, { xml: imported.xml, stats: imported.stats, source: 'imported', prompt: null });
    await this.#write(
      () =>
        this.#db.transaction().execute(async (trx) => {
          await new DiagramRepository(trx).insert(row);
          await new DiagramVersionRepository(trx).insert(version);
        }),
      folderId,
    );
    return toDiagram(row);
  }

  async get(owner: Owner, id: string): Promise<Diagram> {
    return toDiagram(await this.getMeta(owner, id));
  }

  /** The diagram without its XML (404 when it is not this owner's). */
  async getMeta(owner: Owner, id: string): Promise<DiagramMeta> {
    const meta = await this.repo.findMeta(owner, id);
    if (!meta) throw diagramNotFound(id);
    return meta;
  }

  /** The diagram with its BPMN XML. */
  async getWithXml(owner: Owner, id: string): Promise<DiagramRow> {
    const row = await this.repo.find(owner, id);
    if (!row) throw diagramNotFound(id);
    return row;
  }

  /** The diagram's pages (its BPMNDiagram elements, id and name) in document order: the first is what renders by default. */
  async pages(owner: Owner, id: string): Promise<DiagramPage[]> {
    return this.#pool.listPages((await this.getWithXml(owner, id)).bpmn_xml);
  }

  /** Rows for one keyset page (`limit` at most), newest first; `folder` null means top level. */
  async page(owner: Owner, folder: FolderFilter, after: PagePosition | null, limit: number): Promise<DiagramMeta[]> {
    return this.repo.page(owner, folder, after, limit);
  }

  /** The same page as arrays, for writing it out without an object per row (the API's list). */
  async pageRows(owner: Owner, folder: FolderFilter, after: PagePosition | null, limit: number): Promise<DiagramListRow[]> {
    return this.repo.pageRows(owner, folder, after, limit);
  }

  /** Applies the changes; with `expectedVersion`, only if the diagram is still at it (else 409 version_conflict). */
  async update(actor: Actor, id: string, changes: DiagramChanges, expectedVersion: number | null): Promise<Diagram> {
    const { owner } = actor;
    if (changes.name === undefined && changes.folder_id === undefined && changes.bpmn_xml === undefined) {
      // Nothing to change: no new version, but a stale expected version is still a conflict.
      const current = await this.getMeta(owner, id);
      if (expectedVersion !== null && current.version !== expectedVersion) throw versionConflict(current.version, expectedVersion);
      return toDiagram(current);
    }
    const set: DiagramSet = { updated_at: this.#now() };
    if (changes.name !== undefined) set.name = checkName(changes.name);
    let content: DiagramContent | null = null;
    if (changes.bpmn_xml !== undefined) {
      const imported = await this.#prepare(changes.bpmn_xml);
      content = { xml: imported.xml, stats: imported.stats, source: 'edited', prompt: null };
    }
    if (changes.folder_id !== undefined) {
      if (changes.folder_id !== null) await this.#folders.requireExists(owner, changes.folder_id, 'folder_id');
      set.folder_id = changes.folder_id;
    }
    return this.#apply(actor, id, set, content, expectedVersion, changes.folder_id ?? null);
  }

  /**
   * Makes checked content the diagram's BPMN, as a new version (a restore); with `expectedVersion`, only if the
   * diagram is still at it (else 409 version_conflict).
   */
  async replaceContent(actor: Actor, id: string, content: DiagramContent, expectedVersion: number | null): Promise<Diagram> {
    return this.#apply(actor, id, { updated_at: this.#now() }, content, expectedVersion, null);
  }

  /** Writes the changes; new content also as a version, in the same transaction (then trimmed to the retention). */
  async #apply(actor: Actor, id: string, set: DiagramSet, content: DiagramContent | null, expectedVersion: number | null, folderId: string | null): Promise<Diagram> {
    const { owner } = actor;
    let updated: DiagramMeta | null;
    if (content === null) {
      updated = await this.#write(() => this.repo.update(owner, id, set, expectedVersion), folderId);
    } else {
      const compressed = content.compressed ?? (await compressXml(content.xml));
      const withContent: DiagramSet = { ...set, bpmn_xml: content.xml, stats: JSON.stringify(content.stats) };
      updated = await this.#write(
        () =>
          this.#db.transaction().execute(async (trx) => {
            const diagram = await new DiagramRepository(trx).update(owner, id, withContent, expectedVersion);
            if (diagram === null) return null;
            const versions = new DiagramVersionRepository(trx);
            await versions.insert({ ...versionFields(content, compressed), diagram_id: id, version: diagram.version, created_by: actor.userId, created_at: set.updated_at });
            if (this.#retention !== null) await versions.trim(id, this.#retention);
            return diagram;
          }),
        folderId,
      );
    }
    if (updated === null) {
      throw versionConflict((await this.getMeta(owner, id)).version, expectedVersion);
    }
    this.#onChange(id);
    // As this write left it: a concurrent writer's later version is not this one's answer.
    return toDiagram(updated);
  }

  async delete(owner: Owner, id: string): Promise<{ object: 'diagram'; id: string; deleted: true }> {
    if (!(await this.repo.delete(owner, id))) throw diagramNotFound(id);
    this.#onChange(id);
    return { object: 'diagram', id, deleted: true };
  }

  /** Parses, validates and (when it has no DI) lays out, in a worker; returns the XML to store, its stats and a name. */
  async #prepare(xml: string): Promise<{ xml: string; stats: BpmnStats; name: string | null }> {
    try {
      const prepared = await this.#pool.prepareImport(xml, this.#limits);
      return { ...prepared, name: prepared.name === null ? null : prepared.name.slice(0, MAX_NAME_LENGTH) };
    } catch (error) {
      // LayoutError: a DI-less document too large to lay out; valid, but we cannot draw it.
      if (error instanceof BpmnParseError || error instanceof LayoutError) throw new ValidationError(error.message, 'bpmn_xml');
      throw error;
    }
  }

  // A folder deleted between our check and the write: the foreign key refuses, and the folder is gone.
  async #write<T>(write: () => Promise<T>, folderId: string | null): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isForeignKeyViolation(error) && folderId !== null) throw folderNotFound(folderId, 'folder_id');
      throw error;
    }
  }
}

/** The first version of a new diagram (import or generation): the row to insert with it. */
export async function versionRow(diagram: DiagramRow, content: DiagramContent): Promise<DiagramVersionRow> {
  return {
    ...versionFields(content, content.compressed ?? (await compressXml(content.xml))),
    diagram_id: diagram.id,
    version: diagram.version,
    created_by: diagram.created_by,
    created_at: diagram.created_at,
  };
}

function versionFields(content: DiagramContent, compressed: Uint8Array): Pick<DiagramVersionRow, 'source' | 'stats' | 'prompt' | 'bpmn_br'> {
  return { source: content.source, stats: JSON.stringify(content.stats), prompt: content.prompt, bpmn_br: compressed };
}

export function toDiagram(row: DiagramMeta): Diagram {
  return {
    object: 'diagram',
    id: row.id,
    name: row.name,
    folder_id: row.folder_id,
    organization_id: organizationIdOf(row),
    created_by: row.created_by,
    created_at: rfc3339(row.created_at),
    updated_at: rfc3339(row.updated_at),
    source: row.source,
    livemode: row.mode === 'live',
    version: row.version,
    stats: JSON.parse(row.stats) as BpmnStats,
  };
}

/** Where a list row stands in the list order (created_at desc, id desc), for its page's cursor. */
export function listRowPosition([id, , , , , , , createdAt]: DiagramListRow): PagePosition {
  return { createdAt, id };
}

export function versionConflict(current: number, expected: number | null): ConflictError {
  return new ConflictError(
    'version_conflict',
    `The diagram is at version ${current}, not ${expected}: fetch it again and reapply your change.`,
    'version',
  );
}

export function diagramNotFound(id: string): NotFoundError {
  return new NotFoundError(`No such diagram: '${id}'.`);
}

function checkName(raw: string): string {
  const name = raw.trim();
  if (name === '' || name.length > MAX_NAME_LENGTH) {
    throw new InvalidRequestError('invalid_parameter', `name must be 1 to ${MAX_NAME_LENGTH} characters (not only spaces).`, 'name');
  }
  return name;
}

/** The metadata the service hands out for a diagram, for callers that show it (the dashboard). */
export type { DiagramMeta, DiagramPage };
