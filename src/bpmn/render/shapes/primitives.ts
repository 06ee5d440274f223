// The basic figures every element is built from, with bpmn-js's defaults (stroke 2, round caps/joins from the root group).
import type { Theme } from '../theme.ts';
import { escapeXml, num } from '../svg-writer.ts';
import { layoutText, type TextAlign, type TextLayout } from '../text.ts';

export interface Colors {
  fill: string;
  stroke: string;
  /** Label colour for text drawn on the element's fill. */
  label: string;
}

/** What a draw function gets besides its element. */
export interface ShapeContext {
  theme: Theme;
  colors: Colors;
  /** The fill the DI sets, if any (a few figures stay unfilled otherwise). */
  authoredFill: string | null;
}

export const DEFAULT_OPACITY = 0.95;

/**
 * How a figure is painted. Colours are normalised `#rrggbb` values or `none`; transforms, dashes and marker
 * references are built by the renderer, never taken from the document.
 */
export interface Paint {
  /** Default 2, like bpmn-js. */
  strokeWidth?: number;
  /** Paths default to `none`; other figures leave it out. */
  fill?: string;
  fillOpacity?: number;
  stroke?: string;
  dash?: string | number;
  miterLimit?: number;
  markerStart?: string;
  markerEnd?: string;
  transform?: string;
  /** `data-marker`: names a task marker for tests and tooling. */
  marker?: string;
}

/** The attributes of a paint, in one fixed order. */
function paintAttributes(paint: Paint, defaultFill?: string): string {
  let out = ` stroke-width="${num(paint.strokeWidth ?? 2)}"`;
  const fill = paint.fill ?? defaultFill;
  if (fill !== undefined) out += ` fill="${fill}"`;
  if (paint.fillOpacity !== undefined) out += ` fill-opacity="${num(paint.fillOpacity)}"`;
  if (paint.stroke !== undefined) out += ` stroke="${paint.stroke}"`;
  if (paint.dash !== undefined) out += ` stroke-dasharray="${paint.dash}"`;
  if (paint.miterLimit !== undefined) out += ` stroke-miterlimit="${num(paint.miterLimit)}"`;
  if (paint.markerStart !== undefined) out += ` marker-start="${paint.markerStart}"`;
  if (paint.markerEnd !== undefined) out += ` marker-end="${paint.markerEnd}"`;
  if (paint.transform !== undefined) out += ` transform="${paint.transform}"`;
  if (paint.marker !== undefined) out += ` data-marker="${paint.marker}"`;
  return out;
}

export function circle(width: number, height: number, offset: number, paint: Paint): string {
  const r = Math.round((width + height) / 4 - offset);
  return `<circle cx="${num(width / 2)}" cy="${num(height / 2)}" r="${num(r)}"${paintAttributes(paint)}/>`;
}

export function rect(width: number, height: number, radius: number, offset: number, paint: Paint): string {
  const o = num(offset);
  const r = num(radius);
  const w = num(Math.max(0, width - offset * 2));
  const h = num(Math.max(0, height - offset * 2));
  return `<rect x="${o}" y="${o}" width="${w}" height="${h}" rx="${r}" ry="${r}"${paintAttributes(paint)}/>`;
}

export function diamond(width: number, height: number, paint: Paint): string {
  const x = num(width / 2);
  const y = num(height / 2);
  return `<polygon points="${x},0 ${num(width)},${y} ${x},${num(height)} 0,${y}"${paintAttributes(paint)}/>`;
}

export function path(d: string, paint: Paint): string {
  return `<path d="${d}"${paintAttributes(paint, 'none')}/>`;
}

export const FONT_FAMILY = 'Arial, sans-serif';

export interface LabelOptions {
  box: { width: number; height: number };
  align: TextAlign;
  padding: number;
  fontSize: number;
  fill: string;
  transform?: string;
}

/** A label laid out like diagram-js Text, positioned relative to the current origin (text-outline.ts reads this markup). */
export function label(value: string, options: LabelOptions): string {
  return value ? laidOutLabel(layoutText(value, options), options) : '';
}

/** A label from a layout already made for the same box, font size, alignment and padding. */
export function laidOutLabel(laid: TextLayout, options: { fontSize: number; fill: string; transform?: string }): string {
  let spans = '';
  for (const line of laid.lines) spans += `<tspan x="${num(line.x)}" y="${num(line.y)}">${escapeXml(line.text)}</tspan>`;
  const transform = options.transform === undefined ? '' : ` transform="${options.transform}"`;
  return (
    `<text class="djs-label" font-family="${FONT_FAMILY}" font-size="${num(options.fontSize)}" font-weight="normal" ` +
    `fill="${options.fill}"${transform}>${spans}</text>`
  );
}
