// The rendered-image cache behind GET /diagrams/{id}/image: bounded, least recently used out first, keyed by
// version, and one render for concurrent identical requests.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenderPool, type RenderPool } from '../../src/bpmn/render-pool.ts';
import { ImageService, type ImageOptions } from '../../src/services/images.ts';

const xml = fs.readFileSync(new URL('../fixtures/bpmn/collaboration-stats.bpmn', import.meta.url), 'utf8');
const SVG: ImageOptions = { format: 'svg', theme: 'light', scale: 2 };

describe('ImageService cache', () => {
  let pool: RenderPool;
  let calls = 0;
  let countingPool: RenderPool;

  beforeAll(() => {
    pool = createRenderPool({ threads: 1 });
    countingPool = {
      renderSvg: (x, o) => {
        calls++;
        return pool.renderSvg(x, o);
      },
      renderPng: (s, o) => pool.renderPng(s, o),
      prepareImport: (x, l) => pool.prepareImport(x, l),
      diffBpmn: (a, b) => pool.diffBpmn(a, b),
      renderCompare: (a, b, o) => pool.renderCompare(a, b, o),
      listPages: (x) => pool.listPages(x),
      get queueSize() {
        return pool.queueSize;
      },
      close: async () => {},
    };
  });
  afterAll(() => pool.close());

  it('renders once for concurrent identical requests and serves repeats from memory', async () => {
    const images = new ImageService({ cacheBytes: 10 * 1024 * 1024, pool: countingPool });
    calls = 0;
    const source = { id: 'd1', version: 1, bpmn_xml: xml };
    const results = await Promise.all([images.render(source, SVG), images.render(source, SVG), images.render(source, SVG)]);
    expect(calls).toBe(1);
    expect(new Set(results.map((r) => r.body.toString())).size).toBe(1);
    await images.render({ ...source, bpmn_xml: '' }, SVG);
    expect(calls).toBe(1);
    expect(images.has({ id: 'd1', version: 2 }, SVG)).toBe(false);
  });

  it('stays within its byte budget, dropping the least recently used render first', async () => {
    const one = (await new ImageService({ cacheBytes: 1 << 20, pool }).render({ id: 'x', version: 1, bpmn_xml: xml }, SVG)).body.length;
    const images = new ImageService({ cacheBytes: Math.floor(one * 2.5), pool });
    const a = { id: 'a', version: 1, bpmn_xml: xml };
    const b = { id: 'b', version: 1, bpmn_xml: xml };
    const c = { id: 'c', version: 1, bpmn_xml: xml };
    await images.render(a, SVG);
    await images.render(b, SVG);
    await images.render(a, SVG); // a is now the most recently used
    await images.render(c, SVG);
    expect(images.cachedBytes).toBeLessThanOrEqual(Math.floor(one * 2.5));
    expect([images.has(a, SVG), images.has(b, SVG), images.has(c, SVG)]).toEqual([true, false, true]);
    images.evict('a');
    expect(images.has(a, SVG)).toBe(false);
    expect(images.cachedBytes).toBe(one);
  });

  it('gives each version and option set its own ETag, and the same inputs the same one', () => {
    const images = new ImageService({ cacheBytes: 0, pool });
    const tags = new Set([
      images.etag({ id: 'd', version: 1 }, SVG),
      images.etag({ id: 'd', version: 2 }, SVG),
      images.etag({ id: 'd', version: 1 }, { ...SVG, theme: 'dark' }),
      images.etag({ id: 'd', version: 1 }, { format: 'png', theme: 'light', scale: 2 }),
      images.etag({ id: 'd', version: 1 }, { format: 'png', theme: 'light', scale: 3 }),
    ]);
    expect(tags.size).toBe(5);
    expect(images.etag({ id: 'd', version: 1 }, { ...SVG, scale: 4 })).toBe(images.etag({ id: 'd', version: 1 }, SVG));
  });
});
