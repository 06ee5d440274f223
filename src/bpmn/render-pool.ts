// A worker-thread pool for rendering, so parsing and rasterising big diagrams never block the server's event loop.
import type { BpmnDiff } from './compare/diff.ts';
import type { CompareImageOptions } from './compare/image.ts';
import { LayoutError } from './layout/layout.ts';
import { BpmnParseError, type ParseLimits } from './parse.ts';
import type { PreparedImport } from './prepare-import.ts';
import { RenderOptionsError, resvgOptions, type RenderPngOptions } from './render/png.ts';
import { DiagramNotFoundError } from './render/svg.ts';
import type { DiagramPage } from './render/di.ts';
import type { ThemeName } from './render/theme.ts';
import { createWorkerPool } from '../worker-pool.ts';
import { workerFile } from '../worker-file.ts';

export interface RenderPool {
  /** Rasterises an SVG in a worker; bad options or an oversized image reject with RenderOptionsError. */
  renderPng(svg: string, options: RenderPngOptions): Promise<Buffer>;
  /** Parses BPMN XML and renders it to SVG in a worker; rejects with BpmnParseError or DiagramNotFoundError. */
  renderSvg(xml: string, options: { theme: ThemeName; diagramId?: string }): Promise<string>;
  /** diffBpmn in a worker; rejects with BpmnParseError. */
  diffBpmn(fromXml: string, toXml: string): Promise<BpmnDiff>;
  /** renderCompareImage in a worker; rejects with BpmnParseError, DiagramNotFoundError or RenderOptionsError. */
  renderCompare(fromXml: string, toXml: string, options: CompareImageOptions): Promise<{ body: Buffer; contentType: string }>;
  /** The document's BPMNDiagram pages (id and name) in a worker; rejects with BpmnParseError. */
  listPages(xml: string): Promise<DiagramPage[]>;
  /** prepareImport in a worker; rejects with BpmnParseError or LayoutError. */
  prepareImport(xml: string, limits?: ParseLimits): Promise<PreparedImport>;
  /** Tasks waiting for a free worker. */
  readonly queueSize: number;
  close(): Promise<void>;
}

interface Failure {
  kind: 'parse' | 'diagram' | 'options' | 'layout';
  message: string;
  elementId?: string | null;
  line?: number | null;
}

const WORKER = workerFile('render-worker', import.meta.url);

/** Rebuilds the typed error a worker reported. */
function rethrow(failure: Failure): never {
  if (failure.kind === 'parse') throw new BpmnParseError(failure.message, failure.elementId ?? null, failure.line ?? null);
  if (failure.kind === 'diagram') throw new DiagramNotFoundError(failure.message);
  if (failure.kind === 'layout') throw new LayoutError(failure.message);
  throw new RenderOptionsError(failure.message);
}

/** Threads start on the first task, not with the pool (see worker-pool.ts). */
export function createRenderPool(options: { threads: number }): RenderPool {
  const pool = createWorkerPool(WORKER, options.threads);
  return {
    async renderPng(svg, opts) {
      resvgOptions(opts); // fail fast on bad options, without a round trip
      const result = await pool.run<{ png?: Uint8Array; failure?: Failure }>({ svg, scale: opts.scale, background: opts.background }, 'png');
      if (result.failure) rethrow(result.failure);
      const bytes = result.png!;
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    async renderSvg(xml, opts) {
      const result = await pool.run<{ svg?: string; failure?: Failure }>({ xml, theme: opts.theme, diagramId: opts.diagramId }, 'svg');
      if (result.failure) rethrow(result.failure);
      return result.svg!;
    },
    async diffBpmn(fromXml, toXml) {
      const result = await pool.run<{ diff?: BpmnDiff; failure?: Failure }>({ fromXml, toXml }, 'diff');
      if (result.failure) rethrow(result.failure);
      return result.diff!;
    },
    async renderCompare(fromXml, toXml, opts) {
      if (opts.format === 'png') resvgOptions({ scale: opts.scale }); // fail fast on a bad scale, as renderPng does
      const result = await pool.run<{ image?: Uint8Array; contentType?: string; failure?: Failure }>({ fromXml, toXml, options: opts }, 'compare');
      if (result.failure) rethrow(result.failure);
      const bytes = result.image!;
      return { body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), contentType: result.contentType! };
    },
    async listPages(xml) {
      const result = await pool.run<{ pages?: DiagramPage[]; failure?: Failure }>({ xml }, 'pages');
      if (result.failure) rethrow(result.failure);
      return result.pages!;
    },
    async prepareImport(xml, limits) {
      const result = await pool.run<{ prepared?: PreparedImport; failure?: Failure }>({ xml, limits }, 'prepare');
      if (result.failure) rethrow(result.failure);
      return result.prepared!;
    },
    get queueSize() {
      return pool.queueSize;
    },
    close() {
      return pool.close();
    },
  };
}
