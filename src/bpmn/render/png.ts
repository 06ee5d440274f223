// SVG → PNG with resvg, using only the shipped Liberation fonts so output is the same on every machine.
import { fileURLToPath } from 'node:url';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { safeColor } from './color.ts';
import { encodePng } from './png-encode.ts';
import { outlineLabels } from './text-outline.ts';

// resvg-js allocates with mimalloc, which by default hands freed memory back to the OS almost at once; a purge delay
// keeps it for the next render. (Large OS pages measured 10-15 % slower across the MIWG files: faulting in 2 MB
// pages costs more than it saves.) mimalloc reads this at load, so it is set before the first import; an
// operator's own value wins.
process.env.MIMALLOC_PURGE_DELAY ??= '1000';
const { Resvg } = await import('@resvg/resvg-js');

const FONT_DIR = new URL('../../../assets/fonts/', import.meta.url);
const FONT_FILES = ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf'].map((f) => fileURLToPath(new URL(f, FONT_DIR)));

export interface RenderPngOptions {
  /** Pixel ratio, 1 to 4. */
  scale: number;
  /** Canvas colour behind the drawing (safe CSS colour syntax); default transparent. */
  background?: string;
}

export class RenderOptionsError extends Error {
  override name = 'RenderOptionsError';
}

/** Bounds the pixmap (4 bytes a pixel), so a diagram with absurd coordinates cannot exhaust memory. */
export const MAX_PNG_PIXELS = 50_000_000;
export const MAX_PNG_SIDE = 32_000;

export function resvgOptions(options: RenderPngOptions): ResvgRenderOptions {
  const { scale } = options;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale < 1 || scale > 4) {
    throw new RenderOptionsError(`scale must be a number from 1 to 4, got ${String(scale)}.`);
  }
  let background: string | undefined;
  if (options.background !== undefined) {
    background = safeColor(options.background) ?? undefined;
    if (!background) throw new RenderOptionsError('background must be a colour such as #ffffff or rgb(255,255,255).');
  }
  return {
    // "Arial, sans-serif" resolves through the sans-serif family to Liberation Sans (Arial's metrics).
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
    fitTo: { mode: 'zoom', value: scale },
    // resvg-js crops to this rectangle by copying the whole pixmap (right and bottom default to the image size); an
    // empty rectangle is no rectangle, so it hands back the rendered pixmap as it is, without that copy.
    crop: { left: 0, top: 0, right: 0, bottom: 0 },
    background,
    logLevel: 'off',
  };
}

/** Rasterises an SVG (ours, or any without external references) at `scale` × its width/height. */
export function renderPng(svg: string, options: RenderPngOptions): Buffer {
  const resvg = new Resvg(outlineLabels(svg), resvgOptions(options));
  const width = Math.ceil(resvg.width * options.scale);
  const height = Math.ceil(resvg.height * options.scale);
  if (width > MAX_PNG_SIDE || height > MAX_PNG_SIDE || width * height > MAX_PNG_PIXELS) {
    throw new RenderOptionsError(
      `The image would be ${width}×${height} px; the limit is ${MAX_PNG_SIDE} px a side and ${MAX_PNG_PIXELS} px in all. Use a smaller scale or SVG.`,
    );
  }
  const image = resvg.render();
  return encodePng(image.pixels, image.width, image.height, options.background !== undefined);
}
