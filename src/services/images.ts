// Rendered images of diagrams: SVG (and PNG from it) drawn in worker threads, kept in a bounded in-memory LRU
// keyed by diagram version and options, so a repeated request costs a map lookup and a changed diagram is
// never served from an old render.
import { createHash } from 'node:crypto';
import type { RenderPool } from '../bpmn/render-pool.ts';
import { RenderOptionsError } from '../bpmn/render/png.ts';
import { DiagramNotFoundError } from '../bpmn/render/svg.ts';
import { InvalidRequestError, ValidationError } from '../errors.ts';
import type { DiagramService } from './diagrams.ts';
import type { Owner } from './tenancy.ts';

export type ImageFormat = 'png' | 'svg';
export type ImageTheme = 'light' | 'dark';

export interface ImageOptions {
  format: ImageFormat;
  theme: ImageTheme;
  /** PNG pixel ratio 1–4; ignored for SVG. */
  scale: number;
  /** Which page (BPMNDiagram id) of a multi-page document; the first when absent. */
  page?: string;
}

export interface RenderedImage {
  body: Buffer;
  contentType: string;
  etag: string;
}

/** An image to answer with: its ETag (known before any XML is read, for If-None-Match) and how to draw it. */
export interface ImageSubject {
  etag: string;
  render(): Promise<RenderedImage>;
}

export interface ImageSource {
  id: string;
  version: number;
}

/** Two versions of a diagram drawn as one compare image (versions never change, so neither does the image). */
export interface CompareSource {
  id: string;
  from: number;
  to: number;
}

/** Bumped when the renderer's output changes, so clients' cached images (ETags) are not reused across it. */
const RENDERER_VERSION = 1;

const CONTENT_TYPES: Record<ImageFormat, string> = { png: 'image/png', svg: 'image/svg+xml; charset=utf-8' };

export interface ImageServiceOptions {
  /** Bytes of rendered images kept in memory; 0 turns the cache off. */
  cacheBytes: number;
  /** The render workers (owned, and closed, by whoever created them). */
  pool: RenderPool;
}

export class ImageService {
  readonly #cacheBytes: number;
  readonly #pool: RenderPool;
  /** Insertion order is recency order: a hit is re-inserted at the end, eviction takes from the front. */
  readonly #cache = new Map<string, RenderedImage>();
  readonly #keysByDiagram = new Map<string, Set<string>>();
  readonly #inFlight = new Map<string, Promise<RenderedImage>>();
  #cachedBytes = 0;

  constructor(options: ImageServiceOptions) {
    this.#cacheBytes = options.cacheBytes;
    this.#pool = options.pool;
  }

  /** The strong ETag of a render: changes with the diagram's version and every option that changes the bytes. */
  etag(source: ImageSource, options: ImageOptions): string {
    return strongEtag(cacheKey(source, options));
  }

  /** True when the cache holds this render (then the route need not read the XML). */
  has(source: ImageSource, options: ImageOptions): boolean {
    return this.#cache.has(cacheKey(source, options));
  }

  compareEtag(source: CompareSource, options: ImageOptions): string {
    return strongEtag(compareKey(source, options));
  }

  hasCompare(source: CompareSource, options: ImageOptions): boolean {
    return this.#cache.has(compareKey(source, options));
  }

  /**
   * The `to` version with what changed since `from` marked (added green, changed amber, removed as red ghosts),
   * cached like any render.
   * @example const image = await images.renderCompare({ id, from: 3, to: 5, fromXml, toXml }, { format: 'png', theme: 'dark', scale: 2 });
   */
  async renderCompare(source: CompareSource & { fromXml: string; toXml: string }, options: ImageOptions): Promise<RenderedImage> {
    const etag = this.compareEtag(source, options);
    return this.#cached(source.id, compareKey(source, options), async () => {
      const image = await this.#pool.renderCompare(source.fromXml, source.toXml, options).catch(rethrowOptionsError);
      return { ...image, etag };
    });
  }

  /**
   * Renders (or returns the cached render of) a diagram; concurrent requests for the same render share one.
   * @example const image = await images.render({ id, version, bpmn_xml }, { format: 'png', theme: 'dark', scale: 2 });
   */
  async render(source: ImageSource & { bpmn_xml: string }, options: ImageOptions): Promise<RenderedImage> {
    return this.#cached(source.id, cacheKey(source, options), () => this.#draw(source, options));
  }

  async #cached(diagramId: string, key: string, draw: () => Promise<RenderedImage>): Promise<RenderedImage> {
    const hit = this.#cache.get(key);
    if (hit) {
      this.#cache.delete(key);
      this.#cache.set(key, hit);
      return hit;
    }
    const pending = this.#inFlight.get(key);
    if (pending) return pending;
    const rendering = draw().finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, rendering);
    const image = await rendering;
    this.#remember(diagramId, key, image);
    return image;
  }

  /** Drops every render of a diagram (it changed or was deleted). */
  evict(diagramId: string): void {
    for (const key of this.#keysByDiagram.get(diagramId) ?? []) this.#drop(key);
    this.#keysByDiagram.delete(diagramId);
  }

  get cachedBytes(): number {
    return this.#cachedBytes;
  }

  async #draw(source: ImageSource & { bpmn_xml: string }, options: ImageOptions): Promise<RenderedImage> {
    const pool = this.#pool;
    const page = options.page === undefined ? {} : { diagramId: options.page };
    const svg = await pool.renderSvg(source.bpmn_xml, { theme: options.theme, ...page }).catch(rethrowPageError(options.page));
    const body = options.format === 'svg' ? Buffer.from(svg, 'utf8') : await pool.renderPng(svg, { scale: options.scale }).catch(rethrowOptionsError);
    return { body, contentType: CONTENT_TYPES[options.format], etag: this.etag(source, options) };
  }

  #remember(diagramId: string, key: string, image: RenderedImage): void {
    const size = image.body.byteLength;
    if (this.#cache.has(key) || size > this.#cacheBytes) return;
    this.#cache.set(key, image);
    this.#cachedBytes += size;
    let keys = this.#keysByDiagram.get(diagramId);
    if (!keys) this.#keysByDiagram.set(diagramId, (keys = new Set()));
    keys.add(key);
    for (const oldest of this.#cache.keys()) {
      if (this.#cachedBytes <= this.#cacheBytes) break;
      this.#drop(oldest);
    }
  }

  #drop(key: string): void {
    const image = this.#cache.get(key);
    if (!image) return;
    this.#cache.delete(key);
    this.#cachedBytes -= image.body.byteLength;
    const diagramId = key.slice(0, key.indexOf(':'));
    const keys = this.#keysByDiagram.get(diagramId);
    keys?.delete(key);
    if (keys?.size === 0) this.#keysByDiagram.delete(diagramId);
  }
}

// Keys start with the diagram id and a colon: evict() finds a diagram's renders by it.
function cacheKey(source: ImageSource, options: ImageOptions): string {
  return `${source.id}:${source.version}:${optionsKey(options)}`;
}

function compareKey(source: CompareSource, options: ImageOptions): string {
  return `${source.id}:compare-${source.from}-${source.to}:${optionsKey(options)}`;
}

function optionsKey(options: ImageOptions): string {
  const scale = options.format === 'png' ? options.scale : 0;
  // The page last: ids may hold colons, and everything before it has a fixed shape.
  return `${options.format}:${options.theme}:${scale}:${RENDERER_VERSION}:${options.page ?? ''}`;
}

function strongEtag(key: string): string {
  return `"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;
}

// A diagram so large that the PNG would exceed the pixel bounds: the caller can ask for SVG or a smaller scale.
function rethrowOptionsError(error: unknown): never {
  if (error instanceof RenderOptionsError) throw new ValidationError(error.message, 'scale');
  throw error;
}

// A page id the document does not have is the caller's mistake, named by the image API's parameter.
function rethrowPageError(page: string | undefined): (error: unknown) => never {
  return (error) => {
    if (error instanceof DiagramNotFoundError) {
      throw new InvalidRequestError('invalid_parameter', `This diagram has no page (BPMNDiagram) with id ${JSON.stringify(page)}.`, 'diagram');
    }
    throw error;
  };
}

/** A diagram's current content (404 when it is not this owner's). */
export function diagramImage(deps: { diagrams: DiagramService; images: ImageService }, owner: Owner, diagramId: string) {
  return async (options: ImageOptions): Promise<ImageSubject> => {
    const meta = await deps.diagrams.getMeta(owner, diagramId);
    return {
      etag: deps.images.etag(meta, options),
      // A hit needs no XML; a miss reads it (the version may have moved on since: render what is there now).
      render: async () => deps.images.render(deps.images.has(meta, options) ? { ...meta, bpmn_xml: '' } : await deps.diagrams.getWithXml(owner, diagramId), options),
    };
  };
}
