// The compare image: the `to` diagram drawn by the renderer with added elements in green and changed ones in amber,
// the elements `from` had and `to` lost drawn over it as faded, dashed red ghosts where they were, and a legend
// below the drawing. Runs in the render worker pool like any image (render-pool.ts `renderCompare`).
import { diffDefinitions, type BpmnDiff } from './diff.ts';
import { parseBpmn } from '../parse.ts';
import { readScene, type DrawItem, type EdgeItem, type ShapeItem } from '../render/di.ts';
import { RenderOptionsError, renderPng } from '../render/png.ts';
import { createSvgCanvas, type SvgCanvas } from '../render/svg.ts';
import { num } from '../render/svg-writer.ts';
import { label, type Colors } from '../render/shapes/primitives.ts';
import { measureText } from '../render/text.ts';
import { themeByName, type ThemeName } from '../render/theme.ts';
import type { Definitions } from '../model.ts';

export type CompareImageOptions = { format: 'svg' | 'png'; theme: 'light' | 'dark'; scale: number; diagram?: string };

type Mark = 'added' | 'changed' | 'removed';

/**
 * Per theme: a strong stroke and a tint of the same hue for the fill. Strokes reach 3:1 on their tint and on the
 * canvas, labels 4.5:1 on the tint (test/bpmn/compare/image.test.ts checks both).
 */
export const MARK_COLORS: Record<ThemeName, Record<Mark, Colors>> = {
  light: {
    added: { stroke: '#1a7f37', fill: '#dcf5e3', label: '#22242a' },
    changed: { stroke: '#b35c00', fill: '#fff0d4', label: '#22242a' },
    removed: { stroke: '#cf222e', fill: '#ffe3e0', label: '#b01d27' },
  },
  dark: {
    added: { stroke: '#3fb950', fill: '#17301f', label: '#e6e9ee' },
    changed: { stroke: '#e3a031', fill: '#34270f', label: '#e6e9ee' },
    removed: { stroke: '#ff6b61', fill: '#3d1c1c', label: '#ff8a82' },
  },
};

/** Removed elements are drawn at this opacity, with this dash on every line that has none of its own. */
const GHOST_OPACITY = 0.6;
const GHOST_DASH = '6 4';

const CONTENT_TYPES = { png: 'image/png', svg: 'image/svg+xml; charset=utf-8' } as const;

/**
 * Throws BpmnParseError for a document the import would refuse, DiagramNotFoundError for an unknown `diagram`
 * (a BPMNDiagram id of `to`), RenderOptionsError for bad options or a PNG over the pixel bounds.
 * @example const { body } = await renderCompareImage(v3, v5, { format: 'png', theme: 'dark', scale: 2 });
 */
export async function renderCompareImage(fromXml: string, toXml: string, options: CompareImageOptions): Promise<{ body: Buffer; contentType: string }> {
  const { format, theme, scale, diagram } = options;
  if (format !== 'svg' && format !== 'png') throw new RenderOptionsError(`format must be svg or png, got ${String(format)}.`);
  if (theme !== 'light' && theme !== 'dark') throw new RenderOptionsError(`theme must be light or dark, got ${String(theme)}.`);
  const from = (await parseBpmn(fromXml)).definitions;
  const to = (await parseBpmn(toXml)).definitions;
  const svg = compareSvg(from, to, diffDefinitions(from, to), theme, diagram);
  const body = format === 'svg' ? Buffer.from(svg, 'utf8') : renderPng(svg, { scale });
  return { body, contentType: CONTENT_TYPES[format] };
}

/** The compare drawing of one diagram of `to`; ghosts come from `from`'s diagram of the same id (else its first). */
export function compareSvg(from: Definitions, to: Definitions, diff: BpmnDiff, themeName: ThemeName, diagramId?: string): string {
  const theme = themeByName(themeName);
  const colors = MARK_COLORS[themeName];
  const scene = readScene(to, diagramId);
  const marks = new Map<string, Mark>();
  for (const entry of diff.added) marks.set(entry.id, 'added');
  for (const entry of diff.changed) marks.set(entry.id, 'changed');
  const removed = new Set(diff.removed.map((entry) => entry.id));

  const canvas = createSvgCanvas(theme);
  const backdrop = theme.background ?? '#ffffff';
  let body = canvas.draw(scene.items, backdrop, (item) => {
    const mark = marks.get(item.semantic.id ?? '');
    return mark ? colors[mark] : null;
  });

  body += halos(canvas, scene.items, marks, colors);

  const firstPage = scene.diagramId === ((to.diagrams ?? [])[0]?.id ?? null);
  const ghosts = removedItems(ghostScene(from, scene.diagramId, firstPage), removed);
  if (ghosts.length > 0) {
    // Pools and lanes stay unfilled: a removed container must not veil what the new version draws there.
    const ghostColors = (item: ShapeItem | EdgeItem): Colors =>
      item.kind === 'shape' && (item.type === 'bpmn:Participant' || item.type === 'bpmn:Lane') ? { ...colors.removed, fill: 'none' } : colors.removed;
    body += `<g class="compare-removed" opacity="${GHOST_OPACITY}" stroke-dasharray="${GHOST_DASH}">${canvas.draw(ghosts, backdrop, ghostColors)}</g>`;
  }
  body += legend(canvas, colors, { added: diff.added.length, changed: diff.changed.length, removed: diff.removed.length });
  return canvas.toSvg(body);
}

const HALO = { width: 6, opacity: 0.3, gap: 5 };

/** A soft ring around each marked shape and a glow along each marked line, so thin figures stand out too. */
function halos(canvas: SvgCanvas, items: DrawItem[], marks: Map<string, Mark>, colors: Record<Mark, Colors>): string {
  let out = '';
  const visit = (list: DrawItem[]) => {
    for (const item of list) {
      if (item.hidden) continue;
      const mark = item.kind === 'label' ? undefined : marks.get(item.semantic.id ?? '');
      if (mark && item.kind === 'shape') {
        const { x, y, width, height } = item.bounds;
        const g = HALO.gap;
        const reach = g + HALO.width / 2;
        canvas.bounds.add(x - reach, y - reach, width + 2 * reach, height + 2 * reach);
        out +=
          `<rect x="${num(x - g)}" y="${num(y - g)}" width="${num(width + 2 * g)}" height="${num(height + 2 * g)}" rx="${g + 4}" ry="${g + 4}" ` +
          `stroke-width="${HALO.width}" fill="none" stroke="${colors[mark].stroke}" stroke-opacity="${HALO.opacity}"/>`;
      } else if (mark && item.kind === 'edge') {
        const points = item.waypoints.map((p) => `${num(p.x)},${num(p.y)}`).join(' ');
        out += `<polyline points="${points}" stroke-width="${HALO.width + 2}" fill="none" stroke="${colors[mark].stroke}" stroke-opacity="${HALO.opacity}"/>`;
      }
      visit(item.children);
    }
  };
  visit(items);
  return out === '' ? '' : `<g class="compare-halos">${out}</g>`;
}

/** `from`'s items for the same diagram page (by id; the first page stands for the first); none when it has no such page. */
function ghostScene(from: Definitions, diagramId: string | null, firstPage: boolean): DrawItem[] {
  if (diagramId !== null && (from.diagrams ?? []).some((d) => d?.id === diagramId)) return readScene(from, diagramId).items;
  return firstPage ? readScene(from).items : [];
}

/** The removed elements (and their labels) of a draw tree, flat and childless: each removed child is listed itself. */
function removedItems(items: DrawItem[], removed: Set<string>): DrawItem[] {
  const out: DrawItem[] = [];
  const visit = (list: DrawItem[]) => {
    for (const item of list) {
      if (item.hidden) continue;
      const owner = item.kind === 'label' ? item.owner : item;
      if (removed.has(owner.semantic.id ?? '')) out.push({ ...item, children: [] });
      visit(item.children);
    }
  };
  visit(items);
  return out;
}

const LEGEND_FONT = 12;
const SWATCH = { width: 18, height: 12 };

/** A small key below the drawing's bottom-left corner, outside the diagram; it grows the viewBox to fit. */
function legend(canvas: SvgCanvas, colors: Record<Mark, Colors>, counts: Record<Mark, number>): string {
  const { theme, bounds } = canvas;
  if (bounds.empty) bounds.add(0, 0, 0, 0);
  const entries: [Mark, string][] = [
    ['added', `Added ${counts.added}`],
    ['changed', `Changed ${counts.changed}`],
    ['removed', `Removed ${counts.removed}`],
  ];
  const pad = 8;
  const gap = 16;
  const height = 28;
  const x0 = bounds.minX;
  const y0 = bounds.maxY + 14;
  let x = x0 + pad;
  let items = '';
  for (const [mark, text] of entries) {
    const c = colors[mark];
    const ghost = mark === 'removed' ? ` opacity="${GHOST_OPACITY}" stroke-dasharray="${GHOST_DASH}"` : '';
    const sy = y0 + (height - SWATCH.height) / 2;
    items +=
      `<rect x="${num(x)}" y="${num(sy)}" width="${SWATCH.width}" height="${SWATCH.height}" rx="3" ry="3" ` +
      `stroke-width="2" fill="${c.fill}" stroke="${c.stroke}"${ghost}/>`;
    x += SWATCH.width + 6;
    const width = measureText(text, LEGEND_FONT);
    items += label(text, {
      box: { width: width + 2, height: LEGEND_FONT * 1.2 }, align: 'left-top', padding: 0, fontSize: LEGEND_FONT,
      fill: theme.label, transform: `translate(${num(x)},${num(y0 + (height - LEGEND_FONT * 1.2) / 2)})`,
    });
    x += width + gap;
  }
  const width = x - gap + pad - x0;
  bounds.add(x0, y0, width, height);
  const panel =
    `<rect x="${num(x0)}" y="${num(y0)}" width="${num(width)}" height="${height}" rx="4" ry="4" stroke-width="1" ` +
    `fill="${theme.fill}" stroke="${theme.name === 'light' ? '#c9ccd3' : '#4a505c'}"/>`;
  return `<g class="compare-legend">${panel}${items}</g>`;
}
