import { Resvg } from '@resvg/resvg-js';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { resvgOptions } from '../../../src/bpmn/render/png.ts';
import { label } from '../../../src/bpmn/render/shapes/primitives.ts';
import { outlineLabels } from '../../../src/bpmn/render/text-outline.ts';
import { placeGlyphs } from '../../../src/bpmn/render/text.ts';

function svgWith(body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><g><defs></defs>${body}</g></svg>`;
}

function inkByColumn(svg: string): number[] {
  const image = new Resvg(svg, resvgOptions({ scale: 1, background: '#ffffff' })).render();
  const columns = new Array<number>(image.width).fill(0);
  const px = image.pixels;
  for (let i = 0; i < px.length; i += 4) columns[(i / 4) % image.width]! += 255 - px[i]!;
  return columns;
}

describe('outlineLabels', () => {
  const text = label('Tom & "Jerry" <ok>', { box: { width: 200, height: 60 }, align: 'center-middle', padding: 0, fontSize: 12, fill: '#22242a' });

  it('replaces our labels with glyph references defined once, and leaves other text alone', () => {
    const foreign = '<text x="0" y="10" font-family="Arial">keep</text>';
    const out = outlineLabels(svgWith(text + text + foreign));
    const doc = new DOMParser().parseFromString(out, 'image/svg+xml');
    expect(doc.getElementsByTagName('text')).toHaveLength(1);
    const glyphCount = placeGlyphs('Tom & "Jerry" <ok>', 12).filter((g) => g.index > 0).length - 3; // 3 spaces have no outline
    expect(doc.getElementsByTagName('use')).toHaveLength(2 * glyphCount);
    const ids = Array.from(doc.getElementsByTagName('path') as ArrayLike<any>).map((p) => p.getAttribute('id'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws the text where resvg would, with about the same ink', () => {
    const asText = inkByColumn(svgWith(text));
    const outlined = inkByColumn(outlineLabels(svgWith(text)));
    const total = (v: number[]) => v.reduce((a, b) => a + b, 0);
    expect(Math.abs(total(outlined) - total(asText)) / total(asText)).toBeLessThan(0.01);
    const first = (v: number[]) => v.findIndex((c) => c > 0);
    const last = (v: number[]) => v.length - 1 - [...v].reverse().findIndex((c) => c > 0);
    expect(Math.abs(first(outlined) - first(asText))).toBeLessThanOrEqual(1);
    expect(Math.abs(last(outlined) - last(asText))).toBeLessThanOrEqual(1);
  });
});
