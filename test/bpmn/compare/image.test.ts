// The compare image: the new version drawn with added (green) and changed (amber) elements marked, removed ones as
// dashed red ghosts where they were, a legend; in both themes and formats, bounded like any image, in the pool too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { diffBpmn } from '../../../src/bpmn/compare/diff.ts';
import { MARK_COLORS, renderCompareImage, type CompareImageOptions } from '../../../src/bpmn/compare/image.ts';
import { BpmnParseError } from '../../../src/bpmn/parse.ts';
import { createRenderPool } from '../../../src/bpmn/render-pool.ts';
import { contrastRatio } from '../../../src/bpmn/render/color.ts';
import { RenderOptionsError } from '../../../src/bpmn/render/png.ts';
import { DiagramNotFoundError } from '../../../src/bpmn/render/svg.ts';
import { DARK } from '../../../src/bpmn/render/theme.ts';
import { importBpmn } from '../../../src/bpmn/validate.ts';
import { scanXml } from '../../../src/bpmn/xml-guard.ts';
import { MIWG_DIR } from '../../helpers/shared.ts';
import { deleteElement, moveShape, reviseInvoiceProcess } from './edit-xml.ts';

const c10 = readFileSync(join(MIWG_DIR, 'C.1.0.bpmn'), 'utf8');
const revised = reviseInvoiceProcess(c10);
const themes = ['light', 'dark'] as const;

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

/** Parses the SVG with the import's own XML scanner (which throws on anything malformed) into a small tree. */
function parseSvg(svg: string): Node {
  const root: Node = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  scanXml(svg, { maxDepth: 100, maxElements: 200_000, maxAttributeLength: 1 << 20, maxAttributeTotal: 1 << 26, maxAttributesPerElement: 64 }, {
    open(tag) {
      const node: Node = { name: tag.name.local, attrs: Object.fromEntries(tag.attributes.map((a) => [a.local, a.value])), children: [], text: '' };
      stack[stack.length - 1]!.children.push(node);
      stack.push(node);
    },
    text(text) {
      stack[stack.length - 1]!.text += text;
    },
    close() {
      stack.pop();
    },
  });
  return root.children[0]!;
}

function all(node: Node, test: (n: Node) => boolean, out: Node[] = []): Node[] {
  if (test(node)) out.push(node);
  for (const child of node.children) all(child, test, out);
  return out;
}

/** The stroke colours painted inside a node ('none' is no paint). */
const strokesIn = (node: Node) => new Set(all(node, (n) => n.attrs.stroke !== undefined && n.attrs.stroke !== 'none').map((n) => n.attrs.stroke));
const textOf = (node: Node): string => node.text + node.children.map(textOf).join('');

async function svgOf(from: string, to: string, options: Partial<CompareImageOptions> = {}): Promise<string> {
  const { body, contentType } = await renderCompareImage(from, to, { format: 'svg', theme: 'light', scale: 1, ...options });
  expect(contentType).toBe('image/svg+xml; charset=utf-8');
  return body.toString('utf8');
}

describe('renderCompareImage', () => {
  it.each(themes)('marks every added, changed and removed element in the %s SVG, and nothing else', async (theme) => {
    const diff = await diffBpmn(c10, revised);
    const svg = parseSvg(await svgOf(c10, revised, { theme }));
    expect(svg.name).toBe('svg');
    expect(svg.attrs['data-theme']).toBe(theme);
    const colors = MARK_COLORS[theme];
    const [ghostLayer] = all(svg, (n) => n.attrs.class === 'compare-removed');
    expect(ghostLayer?.attrs['stroke-dasharray']).toBeDefined();
    const drawing = (id: string) => all(svg, (n) => n.attrs['data-element-id'] === id && !all(ghostLayer!, (g) => g === n).length);
    for (const [entries, mark] of [[diff.added, 'added'], [diff.changed, 'changed']] as const) {
      expect(entries.length).toBeGreaterThan(0);
      for (const { id } of entries) {
        expect(drawing(id), id).toHaveLength(1);
        expect(strokesIn(drawing(id)[0]!), id).toEqual(new Set([colors[mark].stroke]));
      }
    }
    for (const { id } of diff.removed) {
      const ghost = all(ghostLayer!, (n) => n.attrs['data-element-id'] === id);
      expect(ghost, id).toHaveLength(1);
      expect(strokesIn(ghost[0]!)).toEqual(new Set([colors.removed.stroke]));
      expect(drawing(id)).toEqual([]);
    }
    // An element the revision left alone keeps its own colours.
    const untouched = drawing('approveInvoice')[0]!;
    for (const mark of ['added', 'changed', 'removed'] as const) expect(strokesIn(untouched).has(colors[mark].stroke)).toBe(false);
    const legend = all(svg, (n) => n.attrs.class === 'compare-legend')[0]!;
    expect(textOf(legend)).toBe(`Added ${diff.added.length}Changed ${diff.changed.length}Removed ${diff.removed.length}`);
    expect(JSON.stringify(svg)).not.toMatch(/script|href|onload/i);
  });

  it.each(themes)('rasterises the %s compare at the requested scale, with the marks and the ghosts in the pixels', async (theme) => {
    const svg = await svgOf(c10, revised, { theme });
    const [vx, vy, vw, vh] = /viewBox="([^"]+)"/.exec(svg)![1]!.split(' ').map(Number) as [number, number, number, number];
    const { body, contentType } = await renderCompareImage(c10, revised, { format: 'png', theme, scale: 2 });
    expect(contentType).toBe('image/png');
    const png = PNG.sync.read(body);
    expect([png.width, png.height]).toEqual([Math.ceil(vw) * 2, Math.ceil(vh) * 2]);
    const pixel = (x: number, y: number) => {
      const i = (Math.round((y - vy) * 2) * png.width + Math.round((x - vx) * 2)) * 4;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
    };
    const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
    const near = (p: number[], c: number[]) => p[3]! > 200 && c.every((v, i) => Math.abs(v - p[i]!) <= 40);
    // The added flow runs along y = 695 from x = 753; the changed task "Pick an approver" fills with the amber tint.
    expect(near(pixel(760, 695), hex(MARK_COLORS[theme].added.stroke))).toBe(true);
    const assign = /bpmnElement="assignApprover"[^>]*>\s*<[\w:]*Bounds ([^>]*)/.exec(c10)![1]!;
    const [ah, aw, ax, ay] = [...assign.matchAll(/"([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(near(pixel(ax! + aw! / 2, ay! + ah! - 6), hex(MARK_COLORS[theme].changed.fill))).toBe(true);
    // The removed task's ghost: reddish pixels along its former border, none there when nothing was removed.
    const reddish = async (pngBody: Buffer, from: number, to: number) => {
      const img = PNG.sync.read(pngBody);
      let count = 0;
      for (let x = from; x <= to; x++) {
        const i = (Math.round((655 - vy) * 2) * img.width + Math.round((x - vx) * 2)) * 4;
        if (img.data[i]! > img.data[i + 1]! + 50 && img.data[i]! > img.data[i + 2]! + 50) count++;
      }
      return count;
    };
    expect(await reddish(body, 800, 890)).toBeGreaterThan(20);
    const same = await renderCompareImage(c10, c10, { format: 'png', theme, scale: 2 });
    expect(PNG.sync.read(same.body).width).toBe(png.width);
    expect(await reddish(same.body, 800, 890)).toBe(0);
  });

  it('draws a document against itself with no marks and a legend of zeros', async () => {
    for (const theme of themes) {
      const svg = parseSvg(await svgOf(c10, c10, { theme }));
      expect(all(svg, (n) => n.attrs.class === 'compare-removed' || n.attrs.class === 'compare-halos')).toEqual([]);
      const strokes = strokesIn({ ...svg, children: svg.children.map((g) => ({ ...g, children: g.children.filter((n) => n.attrs.class !== 'compare-legend') })) });
      for (const mark of ['added', 'changed', 'removed'] as const) expect(strokes.has(MARK_COLORS[theme][mark].stroke)).toBe(false);
      expect(textOf(all(svg, (n) => n.attrs.class === 'compare-legend')[0]!)).toBe('Added 0Changed 0Removed 0');
    }
  });

  it('puts the legend below the drawing, inside the image', async () => {
    const svg = parseSvg(await svgOf(c10, revised));
    const [vx, vy, vw, vh] = svg.attrs.viewBox!.split(' ').map(Number) as [number, number, number, number];
    const panel = all(svg, (n) => n.attrs.class === 'compare-legend')[0]!.children[0]!;
    const [px, py, pw, ph] = ['x', 'y', 'width', 'height'].map((k) => Number(panel.attrs[k]));
    const legend = all(svg, (n) => n.attrs.class === 'compare-legend')[0]!;
    const drawn = all({ ...svg, children: svg.children.map((g) => ({ ...g, children: g.children.filter((n) => n !== legend) })) }, (n) => n.name === 'g' && n.attrs.transform !== undefined);
    // A shape group's bottom: its translate plus the height of the figures it holds.
    const bottom = (g: Node) =>
      Number(/translate\([-\d.]+,([-\d.]+)\)/.exec(g.attrs.transform!)?.[1]) + Math.max(0, ...all(g, (n) => n.attrs.height !== undefined).map((n) => Number(n.attrs.height)));
    expect(drawn.length).toBeGreaterThan(30);
    const lowest = Math.max(...drawn.map(bottom));
    expect(py).toBeGreaterThan(lowest);
    expect(px! >= vx && py! >= vy && px! + pw! <= vx + vw && py! + ph! <= vy + vh).toBe(true);
  });

  it('draws the requested diagram page, and refuses an unknown one', async () => {
    const c40 = readFileSync(join(MIWG_DIR, 'C.4.0.bpmn'), 'utf8');
    const pages = [...c40.matchAll(/BPMNDiagram id="([^"]+)"/g)].map((m) => m[1]!);
    expect(pages.length).toBeGreaterThan(1);
    const first = await svgOf(c40, c40);
    const second = await svgOf(c40, c40, { diagram: pages[1] });
    expect(second).not.toBe(first);
    expect(await svgOf(c40, c40, { diagram: pages[0] })).toBe(first);
    await expect(svgOf(c40, c40, { diagram: 'no-such-page' })).rejects.toBeInstanceOf(DiagramNotFoundError);
    // A start event only the second page shows (with its flow, and the data output association it held): their
    // ghosts are on that page, and the first page has none.
    const start = '_e9306b3f-3a77-42e1-b53e-2ed8ee45486d';
    const without = deleteElement(deleteElement(c40, start), '_495f04a4-ed17-4e7b-a952-11c06c2230d1');
    const ghostsOn = async (diagram?: string) =>
      all(parseSvg(await svgOf(c40, without, { diagram })), (n) => n.attrs.class === 'compare-removed').flatMap((g) => all(g, (n) => n.attrs['data-element-id'] !== undefined).map((n) => n.attrs['data-element-id']));
    expect(new Set(await ghostsOn(pages[1]))).toEqual(new Set([start, `${start}_label`, '_495f04a4-ed17-4e7b-a952-11c06c2230d1', '_ed210028-7993-4aa4-b2f7-951ab85243be']));
    expect(await ghostsOn()).toEqual([]);
  });

  it('is bounded like any image: a ghost far away makes a PNG over the pixel limit refused, the SVG still drawn', async () => {
    const far = moveShape(c10, 'archiveInvoice', 40_000, 0);
    const withoutArchive = c10.replace(/<serviceTask id="archiveInvoice"[\s\S]*?<\/serviceTask>/, '');
    const svg = await svgOf(far, withoutArchive);
    expect(Number(/width="(\d+)"/.exec(svg)![1])).toBeGreaterThan(40_000);
    await expect(renderCompareImage(far, withoutArchive, { format: 'png', theme: 'light', scale: 1 })).rejects.toBeInstanceOf(RenderOptionsError);
  });

  it('refuses bad options and unreadable documents with the typed errors', async () => {
    await expect(renderCompareImage(c10, c10, { format: 'png', theme: 'dark', scale: 7 })).rejects.toBeInstanceOf(RenderOptionsError);
    await expect(renderCompareImage(c10, c10, { format: 'gif' as 'png', theme: 'dark', scale: 1 })).rejects.toBeInstanceOf(RenderOptionsError);
    await expect(renderCompareImage(c10, c10, { format: 'svg', theme: 'sepia' as 'dark', scale: 1 })).rejects.toBeInstanceOf(RenderOptionsError);
    const bad = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "y">]><definitions/>';
    const expected = await importBpmn(bad).catch((e: unknown) => e as BpmnParseError);
    for (const [from, to] of [[bad, c10], [c10, bad]]) {
      const error = await renderCompareImage(from!, to!, { format: 'svg', theme: 'light', scale: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BpmnParseError);
      expect((error as Error).message).toBe((expected as Error).message);
    }
  });

  it('uses mark colours that read on their tints and on the canvas, in both themes', () => {
    for (const theme of themes) {
      const canvas = theme === 'light' ? '#ffffff' : DARK.background!;
      for (const mark of ['added', 'changed', 'removed'] as const) {
        const c = MARK_COLORS[theme][mark];
        expect(contrastRatio(c.stroke, c.fill), `${theme} ${mark} stroke on tint`).toBeGreaterThanOrEqual(3);
        expect(contrastRatio(c.stroke, canvas), `${theme} ${mark} stroke on canvas`).toBeGreaterThanOrEqual(3);
        expect(contrastRatio(c.label, c.fill), `${theme} ${mark} label on tint`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});

describe('the render pool', () => {
  const pool = createRenderPool({ threads: 1 });
  afterAll(() => pool.close());

  it('diffs and draws compares in a worker, with the same results and typed errors as the direct calls', async () => {
    expect(await pool.diffBpmn(c10, revised)).toEqual(await diffBpmn(c10, revised));
    for (const format of ['svg', 'png'] as const) {
      const options: CompareImageOptions = { format, theme: 'dark', scale: 2 };
      const viaPool = await pool.renderCompare(c10, revised, options);
      const direct = await renderCompareImage(c10, revised, options);
      expect(viaPool.contentType).toBe(direct.contentType);
      expect(viaPool.body.equals(direct.body)).toBe(true);
    }
    await expect(pool.diffBpmn('<not-bpmn', c10)).rejects.toBeInstanceOf(BpmnParseError);
    await expect(pool.renderCompare(c10, '<not-bpmn', { format: 'svg', theme: 'light', scale: 1 })).rejects.toBeInstanceOf(BpmnParseError);
    await expect(pool.renderCompare(c10, c10, { format: 'svg', theme: 'light', scale: 1, diagram: 'nope' })).rejects.toBeInstanceOf(DiagramNotFoundError);
    await expect(pool.renderCompare(c10, c10, { format: 'png', theme: 'light', scale: 0 })).rejects.toBeInstanceOf(RenderOptionsError);
  });
});
