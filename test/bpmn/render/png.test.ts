import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../src/bpmn/parse.ts';
import { RenderOptionsError, renderPng } from '../../../src/bpmn/render/png.ts';
import { renderSvg } from '../../../src/bpmn/render/svg.ts';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const ZOO = new URL('./fixtures/element-zoo.bpmn', import.meta.url);

async function zooSvg(theme: 'light' | 'dark' = 'light'): Promise<string> {
  const { definitions } = await parseBpmn(readFileSync(ZOO, 'utf8'));
  return renderSvg(definitions, { theme });
}

function svgSize(svg: string): { width: number; height: number } {
  const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number) as number[];
  return { width: width!, height: height! };
}

describe('renderPng', () => {
  it('writes a PNG of the SVG size times the scale, for every scale from 1 to 4', async () => {
    const svg = await zooSvg();
    const { width, height } = svgSize(svg);
    for (const scale of [1, 2, 3, 4]) {
      const png = renderPng(svg, { scale });
      expect(png.subarray(0, 8).equals(SIGNATURE)).toBe(true);
      const image = PNG.sync.read(png);
      expect(image.width).toBe(width * scale);
      expect(image.height).toBe(height * scale);
    }
  });

  it('draws label text with the shipped font (text pixels appear where a label is)', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="30"><text x="5" y="20" font-family="Arial, sans-serif" font-size="16">Hello</text></svg>';
    const image = PNG.sync.read(renderPng(svg, { scale: 1, background: '#ffffff' }));
    let dark = 0;
    for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! < 128) dark++;
    expect(dark).toBeGreaterThan(50);
  });

  it('keeps the dark canvas and honours an explicit background', async () => {
    const dark = PNG.sync.read(renderPng(await zooSvg('dark'), { scale: 1 }));
    expect([dark.data[0], dark.data[1], dark.data[2], dark.data[3]]).toEqual([0x1b, 0x1e, 0x24, 255]);
    const light = PNG.sync.read(renderPng(await zooSvg(), { scale: 1 }));
    expect(light.data[3]).toBe(0);
    const white = PNG.sync.read(renderPng(await zooSvg(), { scale: 1, background: '#ffffff' }));
    expect([white.data[0], white.data[3]]).toEqual([255, 255]);
  });

  it('refuses an image too large to hold in memory instead of allocating it', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="20000" viewBox="0 0 20000 20000"/>';
    expect(() => renderPng(svg, { scale: 1 })).toThrow(/limit/);
    expect(() => renderPng(svg, { scale: 1 })).toThrow(RenderOptionsError);
  });

  it('rejects a scale outside 1–4 and an unsafe background with a typed error', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
    for (const scale of [0, 0.5, 5, Number.NaN]) expect(() => renderPng(svg, { scale })).toThrow(RenderOptionsError);
    expect(() => renderPng(svg, { scale: 1, background: 'url(x)' })).toThrow(RenderOptionsError);
  });
});
