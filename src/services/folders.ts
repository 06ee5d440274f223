// Folders: nestable (at most MAX_FOLDER_DEPTH levels), each with an optional generation context; moves never
// make a cycle; only empty folders can be deleted.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ConflictError, InvalidRequestError, NotFoundError } from '../errors.ts';
import type { Engine } from '../store/db.ts';
import { rfc3339 } from './timestamps.ts';
import type { Database, FolderRow } from '../store/schema.ts';
import type { DiagramRepository } from '../store/repositories/diagrams.ts';
import { FolderRepository, type PagePosition, type ParentFilter } from '../store/repositories/folders.ts';
import { organizationIdOf, type Actor, type Owner } from './tenancy.ts';

/** Levels of nesting: a top-level folder is level 1; a folder at level 10 cannot have sub-folders. */
export const MAX_FOLDER_DEPTH = 10;
export const MAX_CONTEXT_LENGTH = 4000;
export const MAX_NAME_LENGTH = 255;

export interface Folder {
  object: 'folder';
  id: string;
  name: string;
  parent_id: string | null;
  context: string;
  organization_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  livemode: boolean;
}

export interface NewFolder {
  name: string;
  parent_id?: string | null;
  context?: string;
}

export interface FolderChanges {
  name?: string;
  parent_id?: string | null;
  context?: string;
}

export class FolderService {
  readonly #repo: FolderRepository;
  readonly #diagrams: DiagramRepository;
  readonly #engine: Engine;
  readonly #now: () => number;

  constructor(db: Kysely<Database>, engine: Engine, diagrams: DiagramRepository, now: () => number = Date.now) {
    this.#repo = new FolderRepository(db);
    this.#diagrams = diagrams;
    this.#engine = engine;
    this.#now = now;
  }

  /** @example const folder = await folders.create(actor, { name: 'Sales', context: 'We sell B2B software.' }); */
  async create(actor: Actor, input: NewFolder): Promise<Folder> {
    const name = checkName(input.name);
    const context = checkContext(input.context ?? '');
    const parentId = input.parent_id ?? null;
    const now = this.#now();
    const row: FolderRow = {
      id: randomUUID(),
      ...actor.owner,
      parent_id: parentId,
      name,
      context,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
    await this.#repo.transaction(async (repo) => {
      await repo.lockTenant(actor.owner, this.#engine);
      if (parentId !== null) {
        const depth = await this.#depthOf(repo, actor.owner, parentId);
        if (depth + 1 > MAX_FOLDER_DEPTH) throw tooDeep();
      }
      await repo.insert(row);
    });
    return toFolder(row);
  }

  async get(owner: Owner, id: string): Promise<Folder> {
    return toFolder(await this.#require(this.#repo, owner, id));
  }

  /** The folder and its ancestors, outermost first (generation uses their contexts in this order). */
  async lineage(owner: Owner, id: string): Promise<Folder[]> {
    const chain = await this.#repo.ancestry(owner, id, MAX_FOLDER_DEPTH + 1);
    if (chain.length === 0) throw folderNotFound(id);
    const folders = await Promise.all(chain.map((folderId) => this.#require(this.#repo, owner, folderId)));
    return folders.reverse().map(toFolder);
  }

  /** Rows for one keyset page (`limit` of them at most), newest first; `parent` null means top level. */
  async page(owner: Owner, parent: ParentFilter, after: PagePosition | null, limit: number): Promise<FolderRow[]> {
    return this.#repo.page(owner, parent, after, limit);
  }

  async update(actor: Actor, id: string, changes: FolderChanges): Promise<Folder> {
    const { owner } = actor;
    const set: { name?: string; context?: string; parent_id?: string | null; updated_at: number } = { updated_at: this.#now() };
    if (changes.name !== undefined) set.name = checkName(changes.name);
    if (changes.context !== undefined) set.context = checkContext(changes.context);
    const updated = await this.#repo.transaction(async (repo) => {
      await repo.lockTenant(owner, this.#engine);
      await this.#require(repo, owner, id);
      if (changes.parent_id !== undefined) {
        const parentId = changes.parent_id;
        if (parentId !== null) {
          const chain = await repo.ancestry(owner, parentId, MAX_FOLDER_DEPTH + 1);
          if (chain.length === 0) throw folderNotFound(parentId, 'parent_id');
          if (chain.includes(id)) {
            throw new ConflictError('folder_cycle', 'A folder cannot be moved into itself or one of its own sub-folders.', 'parent_id');
          }
          const height = await repo.subtreeHeight(owner, id);
          if (chain.length + 1 + height > MAX_FOLDER_DEPTH) throw tooDeep();
        }
        set.parent_id = parentId;
      }
      return repo.update(owner, id, set);
    });
    if (!updated) throw folderNotFound(id);
    return toFolder(updated);
  }

  async delete(owner: Owner, id: string): Promise<{ object: 'folder'; id: string; deleted: true }> {
    await this.#require(this.#repo, owner, id);
    if ((await this.#repo.hasChildren(owner, id)) || (await this.#diagrams.existsInFolder(owner, id))) throw notEmpty();
    try {
      if (!(await this.#repo.delete(owner, id))) throw folderNotFound(id);
    } catch (error) {
      // Something was put into it between the check and the delete: the foreign key refuses.
      if (isForeignKeyViolation(error)) throw notEmpty();
      throw error;
    }
    return { object: 'folder', id, deleted: true };
  }

  /** Throws 404 (param `param`) unless the folder exists for this owner. */
  async requireExists(owner: Owner, id: string, param: string): Promise<void> {
    if (!(await this.#repo.find(owner, id))) throw folderNotFound(id, param);
  }

  async #depthOf(repo: FolderRepository, owner: Owner, id: string): Promise<number> {
    const chain = await repo.ancestry(owner, id, MAX_FOLDER_DEPTH + 1);
    if (chain.length === 0) throw folderNotFound(id, 'parent_id');
    return chain.length;
  }

  async #require(repo: FolderRepository, owner: Owner, id: string): Promise<FolderRow> {
    const row = await repo.find(owner, id);
    if (!row) throw folderNotFound(id);
    return row;
  }
}

export function toFolder(row: FolderRow): Folder {
  return {
    object: 'folder',
    id: row.id,
    name: row.name,
    parent_id: row.parent_id,
    context: row.context,
    organization_id: organizationIdOf(row),
    created_by: row.created_by,
    created_at: rfc3339(row.created_at),
    updated_at: rfc3339(row.updated_at),
    livemode: row.mode === 'live',
  };
}


export function folderNotFound(id: string, param: string | null = null): NotFoundError {
  return new NotFoundError(`No such folder: '${id}'.`, param);
}

/** Postgres 23503; better-sqlite3's extended code for a foreign key failure. */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

function checkName(raw: string): string {
  const name = raw.trim();
  if (name === '' || name.length > MAX_NAME_LENGTH) {
    throw new InvalidRequestError('invalid_parameter', `name must be 1 to ${MAX_NAME_LENGTH} characters (not only spaces).`, 'name');
  }
  return name;
}

function checkContext(context: string): string {
  if (context.length > MAX_CONTEXT_LENGTH) {
    throw new InvalidRequestError('invalid_parameter', `context must be at most ${MAX_CONTEXT_LENGTH} characters.`, 'context');
  }
  return context;
}

function tooDeep(): InvalidRequestError {
  return new InvalidRequestError('invalid_parameter', `Folders nest at most ${MAX_FOLDER_DEPTH} levels deep.`, 'parent_id');
}

function notEmpty(): ConflictError {
  return new ConflictError('folder_not_empty', 'The folder still holds folders or diagrams; move or delete them first.');
}

/** The row the service hands out for a folder, for callers that show it (the dashboard). */
export type { FolderRow };
