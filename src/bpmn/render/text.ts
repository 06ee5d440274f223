// Text measurement with the shipped Liberation Sans (metric-compatible with Arial) and diagram-js's line breaking,
// so label sizes computed here match what both resvg and bpmn-js in a browser draw.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const FONT_URL = new URL('../../../assets/fonts/LiberationSans-Regular.ttf', import.meta.url);

/** Line height as a multiple of the font size (bpmn-js TextRenderer). */
export const LINE_HEIGHT_RATIO = 1.2;
/** Embedded labels (tasks, pools, annotations) use 12 px; external labels one less. */
export const DEFAULT_FONT_SIZE = 12;
export const EXTERNAL_FONT_SIZE = 11;
/** bpmn-js's default external label box. */
export const DEFAULT_LABEL_SIZE = { width: 90, height: 20 } as const;

interface FontMetrics {
  unitsPerEm: number;
  advance(char: string): number;
  kerning(left: string, right: string): number;
  glyphIndex(char: string): number;
  outline(index: number): string;
}

let metrics: FontMetrics | null = null;

function loadMetrics(): FontMetrics {
  if (metrics) return metrics;
  // Loaded on the first measurement, and with require(): an ES import of this 0.5 MB CommonJS bundle costs
  // Node 5-10x more (it scans the source for named exports), a tenth of a second at every CLI start.
  const opentype = createRequire(import.meta.url)('opentype.js') as typeof import('opentype.js').default;
  const buffer = readFileSync(FONT_URL);
  // lowMemory: glyphs are parsed when first asked for, not all 2,620 up front (11 ms against 100-300 ms; the same
  // advances, kerning and outlines).
  const font = opentype.parse(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength), { lowMemory: true });
  const unitsPerEm: number = font.unitsPerEm;
  const advances = new Map<string, number>();
  const kerns = new Map<string, number>();
  const outlines = new Map<number, string>();
  const glyphIndex = (char: string): number => font.charToGlyphIndex(char) as number;
  metrics = {
    unitsPerEm,
    glyphIndex,
    outline(index) {
      let d = outlines.get(index);
      if (d === undefined) {
        d = String(font.glyphs.get(index)?.getPath(0, 0, unitsPerEm).toPathData(0) ?? '');
        outlines.set(index, d);
      }
      return d;
    },
    advance(char) {
      let width = advances.get(char);
      if (width === undefined) {
        width = glyphIndex(char) > 0 ? (font.charToGlyph(char).advanceWidth as number) : fallbackAdvance(char, unitsPerEm);
        advances.set(char, width);
      }
      return width;
    },
    kerning(left, right) {
      const key = left + '\u0000' + right;
      let value = kerns.get(key);
      if (value === undefined) {
        const l = glyphIndex(left);
        const r = glyphIndex(right);
        // opentype.js skips the GPOS lookup for this font, so read its kern pairs directly, as browsers apply them.
        value = l > 0 && r > 0 ? ((font.kerningPairs?.[`${l},${r}`] as number | undefined) ?? 0) : 0;
        kerns.set(key, value);
      }
      return value;
    },
  };
  return metrics;
}

/** Glyphs the font lacks are drawn by a browser from another font: wide for emoji and CJK, average otherwise. */
function fallbackAdvance(char: string, unitsPerEm: number): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x200b && code <= 0x200f) || (code >= 0xfe00 && code <= 0xfe0f)) return 0;
  const wide =
    code >= 0x1f000 ||
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0x2600 && code <= 0x27bf);
  return unitsPerEm * (wide ? 1 : 0.556);
}

// Widths in font units of recently measured strings: the same labels are measured on every render.
const widthCache = new Map<string, number>();
const WIDTH_CACHE_SIZE = 20_000;

/**
 * Width in px of one line of text at `fontSize`: advance widths plus kerning inside words. Chromium's canvas
 * measureText (what diagram-js breaks and centres labels with) shapes word by word, so pairs with a space
 * ("A" after a space) are not kerned: "From A" measures 36.06 px at 11 px there, "Task" is kerned.
 */
export function measureText(text: string, fontSize: number): number {
  const m = loadMetrics();
  const cached = widthCache.get(text);
  if (cached !== undefined) return (cached * fontSize) / m.unitsPerEm;
  let units = 0;
  let previous: string | null = null;
  for (const char of text) {
    units += m.advance(char);
    if (previous !== null && previous !== ' ' && char !== ' ') units += m.kerning(previous, char);
    previous = char;
  }
  if (widthCache.size >= WIDTH_CACHE_SIZE) widthCache.clear();
  if (text.length <= 200) widthCache.set(text, units);
  return (units * fontSize) / m.unitsPerEm;
}

export interface PlacedGlyph {
  /** Glyph index in Liberation Sans; 0 (.notdef) for characters it lacks. */
  index: number;
  /** Pen position in px from the line start. */
  x: number;
}

/** The glyphs of one line and where each starts, kerned as resvg and browsers draw text (unlike measureText). */
export function placeGlyphs(text: string, fontSize: number): PlacedGlyph[] {
  const m = loadMetrics();
  const scale = fontSize / m.unitsPerEm;
  const out: PlacedGlyph[] = [];
  let units = 0;
  let previous: string | null = null;
  for (const char of text) {
    if (previous !== null) units += m.kerning(previous, char);
    out.push({ index: m.glyphIndex(char), x: units * scale });
    units += m.advance(char);
    previous = char;
  }
  return out;
}

/** A glyph's outline as path data in font units (y down, baseline at 0); scale by fontSize / fontUnitsPerEm(). */
export function glyphOutline(index: number): string {
  return loadMetrics().outline(index);
}

export function fontUnitsPerEm(): number {
  return loadMetrics().unitsPerEm;
}

/** diagram-js measures without trailing whitespace so it matches what a browser draws. */
function measureLine(line: string, fontSize: number): number {
  if (line === '') return 0;
  const last = line.charCodeAt(line.length - 1);
  // Printable ASCII is never whitespace: most lines skip the regex.
  const trailingSpace = !(last > 0x20 && last < 0x7f);
  return measureText(trailingSpace ? line.replace(/\s+$/, '') : line, fontSize);
}

const SOFT_HYPHEN = '\u00AD';

/** Cuts a line at the last space, hyphen or soft hyphen before `maxLength` characters (diagram-js semantics). */
function shortenAtBreak(line: string, maxLength: number): string {
  const parts = line.split(/(\s|-|\u00AD)/g);
  const kept: string[] = [];
  let length = 0;
  if (parts.length > 1) {
    for (const part of parts) {
      if (part === '') break;
      if (part.length + length < maxLength) {
        kept.push(part);
        length += part.length;
      } else {
        if (part === '-' || part === SOFT_HYPHEN) kept.pop();
        break;
      }
    }
  }
  if (kept[kept.length - 1] === SOFT_HYPHEN) kept[kept.length - 1] = '-';
  return kept.join('');
}

function shortenLine(line: string, width: number, maxWidth: number): string {
  const length = Math.max(line.length * (maxWidth / width), 1);
  return shortenAtBreak(line, length) || line.slice(0, Math.max(Math.round(length - 1), 1));
}

interface MeasuredLine {
  text: string;
  width: number;
}

/** Longer labels are cut (with an ellipsis): nobody reads them, and hostile ones must not stall rendering. */
export const MAX_LABEL_CHARS = 5000;

function wrapMeasured(text: string, maxWidth: number, fontSize: number): MeasuredLine[] {
  const bounded = text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS)}…` : text;
  const pending = bounded.includes('\n') ? bounded.split(/\u00AD?\r?\n/).reverse() : [bounded];
  // A line never holds more than this many characters (Liberation Sans has no glyph under 0.19 em), so longer
  // lines are cut before measuring; that keeps breaking linear in the label's length.
  const longest = Math.max(8, Math.ceil((2 * maxWidth) / (0.19 * fontSize)));
  const out: MeasuredLine[] = [];
  while (pending.length) {
    const original = pending.pop() as string;
    let fit = original.length > longest ? original.slice(0, longest) : original;
    let width = measureLine(fit, fontSize);
    while (!(fit === ' ' || fit === '' || width <= maxWidth || fit.length < 2)) {
      fit = shortenLine(fit, width, maxWidth);
      width = measureLine(fit, fontSize);
    }
    if (fit.length < original.length) pending.push(original.slice(fit.length).trim());
    out.push({ text: fit, width });
  }
  return out;
}

/** Breaks text into lines no wider than `maxWidth` px the way diagram-js does (newlines, then spaces/hyphens, then hard cuts). */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  return wrapMeasured(text, maxWidth, fontSize).map((line) => line.text);
}

export type TextAlign = 'center-middle' | 'center-top' | 'left-top';

export interface TextLayoutOptions {
  box: { width: number; height: number };
  align: TextAlign;
  padding: number;
  fontSize: number;
}

export interface LaidOutLine {
  text: string;
  width: number;
  /** Position of the line's start and baseline, relative to the box's top-left. */
  x: number;
  y: number;
}

export interface TextLayout {
  lines: LaidOutLine[];
  width: number;
  height: number;
}

/** Places wrapped lines inside a box like diagram-js Text.layoutText (positions relative to the box). */
export function layoutText(text: string, options: TextLayoutOptions): TextLayout {
  const { box, align, fontSize, padding } = options;
  const left = align === 'left-top';
  const middle = align === 'center-middle';
  const lineHeight = fontSize * LINE_HEIGHT_RATIO;
  const maxWidth = box.width - 2 * padding;
  const measured = wrapMeasured(text, maxWidth, fontSize);
  const padTop = middle ? 0 : padding;
  const height = measured.length * lineHeight + 2 * padTop;
  let y = padTop + (middle ? (box.height - height) / 2 : 0) - lineHeight / 4;
  let width = 0;
  const lines: LaidOutLine[] = [];
  for (const line of measured) {
    y += lineHeight;
    const x = left ? padding : Math.max((maxWidth - line.width) / 2 + padding, 0);
    lines.push({ text: line.text, width: line.width, x, y });
    width = Math.max(width, line.width);
  }
  return { lines, width, height };
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * bpmn-js's bounds for an external label without DI: the text laid out at 11 px in a 90 × 30 box, centred on the
 * anchor x, its top at the default 90 × 20 box's top (anchor y − 10).
 */
export function labelBounds(text: string, anchor: { x: number; y: number }): Bounds {
  const box = { width: DEFAULT_LABEL_SIZE.width, height: 30 };
  const laid = layoutText(text, { box, align: 'center-top', padding: 0, fontSize: EXTERNAL_FONT_SIZE });
  return {
    x: Math.round(anchor.x - laid.width / 2),
    y: Math.round(anchor.y - DEFAULT_LABEL_SIZE.height / 2),
    width: Math.ceil(laid.width),
    height: Math.ceil(laid.height),
  };
}

/**
 * A label with DI bounds: bpmn-js keeps x, y and width and recomputes the height from the text. The layout is the
 * one it is drawn with, since the width stays.
 */
export function labelFromDi(text: string, di: Bounds): { bounds: Bounds; layout: TextLayout } {
  const layout = layoutLabel(text, di);
  const bounds = { x: Math.round(di.x), y: Math.round(di.y), width: Math.round(di.width), height: Math.round(Math.ceil(layout.height)) };
  return { bounds, layout };
}

/** Lays out an external label inside its bounds (centre-top, 11 px), as bpmn-js draws it. */
export function layoutLabel(text: string, bounds: Bounds): TextLayout {
  return layoutText(text, {
    box: { width: bounds.width, height: bounds.height },
    align: 'center-top',
    padding: 0,
    fontSize: EXTERNAL_FONT_SIZE,
  });
}
