import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../../src/bpmn/render/png-encode.ts';

describe('encodePng', () => {
  it('decodes to the same pixels as resvg’s own encoder, including half-transparent edges', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><circle cx="15" cy="15" r="9.3" fill="#ff8000" fill-opacity="0.6"/><rect x="25" y="5" width="10" height="10" fill="#2953e7"/></svg>';
    const image = new Resvg(svg).render();
    const ours = PNG.sync.read(encodePng(image.pixels, image.width, image.height, false));
    const theirs = PNG.sync.read(image.asPng());
    expect([ours.width, ours.height]).toEqual([40, 30]);
    let maxDelta = 0;
    for (let i = 0; i < ours.data.length; i++) maxDelta = Math.max(maxDelta, Math.abs(ours.data[i]! - theirs.data[i]!));
    expect(maxDelta).toBeLessThanOrEqual(1);
  });

  it('un-premultiplies every pixel on its own, runs of one colour and their neighbours alike', () => {
    // Premultiplied RGBA: a run of one see-through colour, another one inside it, transparent and opaque pixels.
    const premultiplied = [
      [121, 60, 0, 153], [121, 60, 0, 153], [10, 20, 30, 40], [121, 60, 0, 153], [0, 0, 0, 0], [9, 8, 7, 255],
      [121, 60, 0, 153], [242, 242, 242, 242], [242, 242, 242, 242], [1, 0, 1, 2],
    ];
    const pixels = Buffer.from(premultiplied.flat());
    const image = PNG.sync.read(encodePng(pixels, premultiplied.length, 1, false));
    const straight = premultiplied.map(([r, g, b, a]) =>
      a === 0 ? [0, 0, 0, 0] : [r!, g!, b!].map((c) => Math.min(255, Math.round((c * 255) / a!))).concat(a!),
    );
    expect([...image.data]).toEqual(straight.flat());
  });
});
