// The basic figures every element is built from, with bpmn-js's defaults (stroke 2, round caps/joins from the root group).
import type { Theme } from '../theme.ts';
import { el, text as escapeText, type Attrs } from '../svg-writer.ts';
import { layoutText, type TextAlign } from '../text.ts';

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

export function circle(width: number, height: number, offset: number, attrs: Attrs): string {
  return el('circle', { cx: width / 2, cy: height / 2, r: Math.round((width + height) / 4 - offset), 'stroke-width': 2, ...attrs });
}

export function rect(width: number, height: number, radius: number, offset: number, attrs: Attrs): string {
  return el('rect', {
    x: offset, y: offset, width: Math.max(0, width - offset * 2), height: Math.max(0, height - offset * 2),
    rx: radius, ry: radius, 'stroke-width': 2, ...attrs,
  });
}

export function diamond(width: number, height: number, attrs: Attrs): string {
  const points = `${width / 2},0 ${width},${height / 2} ${width / 2},${height} 0,${height / 2}`;
  return el('polygon', { points, 'stroke-width': 2, ...attrs });
}

export function path(d: string, attrs: Attrs): string {
  return el('path', { d, fill: 'none', 'stroke-width': 2, ...attrs });
}

export const FONT_FAMILY = 'Arial, sans-serif';

/** A label laid out like diagram-js Text, positioned relative to the current origin. */
export function label(
  value: string,
  options: { box: { width: number; height: number }; align: TextAlign; padding: number; fontSize: number; fill: string; transform?: string },
): string {
  if (!value) return '';
  const laid = layoutText(value, options);
  const spans = laid.lines.map((line) => el('tspan', { x: line.x, y: line.y }, escapeText(line.text))).join('');
  return el(
    'text',
    {
      class: 'djs-label', 'font-family': FONT_FAMILY, 'font-size': options.fontSize, 'font-weight': 'normal',
      fill: options.fill, transform: options.transform,
    },
    spans,
  );
}
