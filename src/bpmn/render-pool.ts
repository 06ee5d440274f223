// A worker-thread pool for rendering, so rasterising big diagrams never blocks the server's event loop.
import { Piscina } from 'piscina';
import { resvgOptions, type RenderPngOptions } from './render/png.ts';
import type { ThemeName } from './render/theme.ts';

export interface RenderPool {
  /** Rasterises an SVG in a worker. Errors keep their message and name (e.g. RenderOptionsError). */
  renderPng(svg: string, options: RenderPngOptions): Promise<Buffer>;
  /** Parses BPMN XML and renders it to SVG in a worker. */
  renderSvg(xml: string, options: { theme: ThemeName; diagramId?: string }): Promise<string>;
  /** Tasks waiting for a free worker. */
  readonly queueSize: number;
  close(): Promise<void>;
}

const WORKER = new URL('./render-worker.mjs', import.meta.url).href;

export function createRenderPool(options: { threads: number }): RenderPool {
  const threads = Math.max(1, Math.floor(options.threads));
  const pool = new Piscina({ filename: WORKER, minThreads: threads, maxThreads: threads, idleTimeout: 60_000 });
  return {
    async renderPng(svg, opts) {
      // Validate here: errors crossing the thread boundary lose their class.
      resvgOptions(opts);
      const bytes: Uint8Array = await pool.run({ svg, scale: opts.scale, background: opts.background }, { name: 'png' });
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    renderSvg(xml, opts) {
      return pool.run({ xml, theme: opts.theme, diagramId: opts.diagramId }, { name: 'svg' });
    },
    get queueSize() {
      return pool.queueSize;
    },
    close() {
      return pool.destroy();
    },
  };
}
