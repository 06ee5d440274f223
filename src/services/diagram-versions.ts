// A diagram's versions: every BPMN content it has had, newest first, the current one included (diagrams.ts writes
// them). A version is addressed by the diagram `version` at which its content arrived; the newest is the current
// content. Read, export, render, restore and compare here; the API and the dashboard both call these.
import type { Kysely } from 'kysely';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { BpmnDiff } from '../bpmn/compare/diff.ts';
import { BpmnParseError } from '../bpmn/parse.ts';
import type { RenderPool } from '../bpmn/render-pool.ts';
import type { BpmnStats } from '../bpmn/stats.ts';
import type { Database, VersionSource } from '../store/schema.ts';
import { DiagramVersionRepository, type DiagramVersionMeta } from '../store/repositories/diagram-versions.ts';
import type { Diagram, DiagramService } from './diagrams.ts';
import type { ImageOptions, ImageService, ImageSubject } from './images.ts';
import { rfc3339 } from './timestamps.ts';
import type { Actor, Owner } from './tenancy.ts';
import { decompressXml } from './version-codec.ts';

export type { VersionSource };

export interface DiagramVersion {
  object: 'diagram_version';
  diagram_id: string;
  version: number;
  created_at: string;
  created_by: string;
  source: VersionSource;
  livemode: boolean;
  stats: BpmnStats;
  /** The description a generated version was made from, else null. */
  prompt: string | null;
}

/** What changed from one version to another, keyed by element id (see bpmn/compare/diff.ts). */
export interface DiagramCompare extends BpmnDiff {
  object: 'diagram_compare';
  diagram_id: string;
  from: number;
  to: number;
}

/** A version with its BPMN XML and the diagram's name (for a download's file name). */
export interface DiagramVersionContent {
  version: DiagramVersion;
  name: string;
  bpmn_xml: string;
}

export class DiagramVersionService {
  readonly repo: DiagramVersionRepository;
  readonly #diagrams: DiagramService;
  readonly #images: ImageService;
  readonly #pool: RenderPool;
  readonly #maxXmlBytes: number;

  /**
   * `pool` runs the diff off the event loop; `maxXmlBytes` bounds a decompressed version (a stored one is at most
   * what an import may become).
   */
  constructor(db: Kysely<Database>, diagrams: DiagramService, images: ImageService, pool: RenderPool, maxXmlBytes: number) {
    this.repo = new DiagramVersionRepository(db);
    this.#diagrams = diagrams;
    this.#images = images;
    this.#pool = pool;
    this.#maxXmlBytes = maxXmlBytes;
  }

  /**
   * Up to `limit` versions older than `beforeVersion` (from the newest when null), newest first; 404 when the
   * diagram is not this owner's.
   * @example const page = await versions.page(owner, diagramId, null, 20);
   */
  async page(owner: Owner, diagramId: string, beforeVersion: number | null, limit: number): Promise<DiagramVersion[]> {
    const rows = await this.repo.page(owner, diagramId, beforeVersion, limit);
    // No rows: the diagram may not exist (404) or the page is past the end (an empty page).
    if (rows.length === 0) await this.#diagrams.getMeta(owner, diagramId);
    return rows.map((row) => toDiagramVersion(row, owner));
  }

  async get(owner: Owner, diagramId: string, version: number): Promise<DiagramVersion> {
    const row = await this.repo.findMeta(owner, diagramId, version);
    if (!row) throw await this.#notFound(owner, diagramId, version);
    return toDiagramVersion(row, owner);
  }

  /** The newest version: the diagram's current content. */
  async current(owner: Owner, diagramId: string): Promise<DiagramVersion> {
    const [row] = await this.repo.page(owner, diagramId, null, 1);
    if (!row) throw await this.#notFound(owner, diagramId, null);
    return toDiagramVersion(row, owner);
  }

  async getWithXml(owner: Owner, diagramId: string, version: number): Promise<DiagramVersionContent> {
    const [row, diagram] = await Promise.all([this.repo.find(owner, diagramId, version), this.#diagrams.getMeta(owner, diagramId)]);
    if (!row) throw await this.#notFound(owner, diagramId, version);
    return { version: toDiagramVersion(row, owner), name: diagram.name, bpmn_xml: await decompressXml(row.bpmn_br, this.#maxXmlBytes) };
  }

  /**
   * Makes a version's content the diagram's current one, as a new version with source `restored`; with
   * `expectedVersion`, only if the diagram is still at it (else 409 version_conflict, as an update).
   * @example const diagram = await versions.restore(actor, diagramId, 3, null);
   */
  async restore(actor: Actor, diagramId: string, version: number, expectedVersion: number | null): Promise<Diagram> {
    const row = await this.repo.find(actor.owner, diagramId, version);
    if (!row) throw await this.#notFound(actor.owner, diagramId, version);
    const xml = await decompressXml(row.bpmn_br, this.#maxXmlBytes);
    const stats = JSON.parse(row.stats) as BpmnStats;
    return this.#diagrams.replaceContent(actor, diagramId, { xml, stats, source: 'restored', prompt: null, compressed: row.bpmn_br }, expectedVersion);
  }

  /**
   * A version's image. Its content is the diagram's at that version number: the same cache entry and ETag.
   * @example const image = await (await versions.image(owner, id, 3, { format: 'svg', theme: 'light', scale: 1 })).render();
   */
  async image(owner: Owner, diagramId: string, version: number, options: ImageOptions): Promise<ImageSubject> {
    await this.get(owner, diagramId, version);
    const source = { id: diagramId, version };
    return {
      etag: this.#images.etag(source, options),
      render: async () => {
        const xml = this.#images.has(source, options) ? '' : await this.#xml(owner, diagramId, version);
        return this.#images.render({ ...source, bpmn_xml: xml }, options);
      },
    };
  }

  /**
   * What changed from version `from` to version `to` (the current content when null): added, removed, changed
   * (with [old, new] per attribute) and layout_changed elements.
   * @example const diff = await versions.compare(owner, id, 3, null);
   */
  async compare(owner: Owner, diagramId: string, from: number, to: number | null): Promise<DiagramCompare> {
    const pair = await this.#pair(owner, diagramId, from, to);
    const [fromXml, toXml] = await Promise.all([this.#xml(owner, diagramId, pair.from), this.#xml(owner, diagramId, pair.to)]);
    const diff = await this.#pool.diffBpmn(fromXml, toXml).catch(uncomparable);
    return { object: 'diagram_compare', diagram_id: diagramId, ...pair, ...diff };
  }

  /** The `to` version drawn with what changed since `from` marked (see ImageService.renderCompare). */
  async compareImage(owner: Owner, diagramId: string, from: number, to: number | null, options: ImageOptions): Promise<ImageSubject> {
    const pair = await this.#pair(owner, diagramId, from, to);
    const source = { id: diagramId, ...pair };
    return {
      etag: this.#images.compareEtag(source, options),
      render: async () => {
        const cached = this.#images.hasCompare(source, options);
        const [fromXml, toXml] = cached ? ['', ''] : await Promise.all([this.#xml(owner, diagramId, pair.from), this.#xml(owner, diagramId, pair.to)]);
        return this.#images.renderCompare({ ...source, fromXml, toXml }, options).catch(uncomparable);
      },
    };
  }

  /** Both version numbers, checked to exist (404 naming the parameter); `to` null is the current version. */
  async #pair(owner: Owner, diagramId: string, from: number, to: number | null): Promise<{ from: number; to: number }> {
    const toVersion = to === null ? (await this.current(owner, diagramId)).version : await this.#exists(owner, diagramId, to, 'to');
    return { from: await this.#exists(owner, diagramId, from, 'from'), to: toVersion };
  }

  async #exists(owner: Owner, diagramId: string, version: number, param: string): Promise<number> {
    if (await this.repo.findMeta(owner, diagramId, version)) return version;
    const error = await this.#notFound(owner, diagramId, version);
    throw new NotFoundError(error.message, param);
  }

  async #xml(owner: Owner, diagramId: string, version: number): Promise<string> {
    const row = await this.repo.find(owner, diagramId, version);
    if (!row) throw await this.#notFound(owner, diagramId, version);
    return decompressXml(row.bpmn_br, this.#maxXmlBytes);
  }

  // The diagram's own 404 when it is not there; else the version's.
  async #notFound(owner: Owner, diagramId: string, version: number | null): Promise<NotFoundError> {
    await this.#diagrams.getMeta(owner, diagramId);
    return new NotFoundError(
      version === null
        ? `Diagram '${diagramId}' has no versions.`
        : `Diagram '${diagramId}' has no version ${version}: versions are numbered by the diagram version at which the BPMN changed (renames and moves make none), and VERSION_RETENTION may have removed old ones.`,
    );
  }
}

// Stored versions were valid imports; one the compare cannot read (past its parse limits) is refused, not a 500.
function uncomparable(error: unknown): never {
  if (error instanceof BpmnParseError) throw new ValidationError(`These versions cannot be compared: ${error.message}`, null);
  throw error;
}

export function toDiagramVersion(row: DiagramVersionMeta, owner: Owner): DiagramVersion {
  return {
    object: 'diagram_version',
    diagram_id: row.diagram_id,
    version: row.version,
    created_at: rfc3339(row.created_at),
    created_by: row.created_by,
    source: row.source,
    livemode: owner.mode === 'live',
    stats: JSON.parse(row.stats) as BpmnStats,
    prompt: row.prompt,
  };
}
