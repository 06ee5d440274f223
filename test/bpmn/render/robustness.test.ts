import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../src/bpmn/parse.ts';
import { renderPng } from '../../../src/bpmn/render/png.ts';
import { renderSvg } from '../../../src/bpmn/render/svg.ts';

const ZOO = readFileSync(new URL('./fixtures/element-zoo.bpmn', import.meta.url), 'utf8');

const odd = fc.oneof(
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant(-1e12),
  fc.constant(undefined),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);

/** Damages the parsed model the way broken exporters do: missing or absurd bounds and waypoints, odd names. */
function damage(definitions: any, seed: { index: number; value: number | undefined; name: string }[]): void {
  const plane = definitions.diagrams[0].plane;
  const elements: any[] = plane.planeElement;
  for (const { index, value, name } of seed) {
    const di = elements[index % elements.length];
    if (di.bounds) {
      const key = ['x', 'y', 'width', 'height'][index % 4]!;
      if (index % 7 === 0) di.bounds = undefined;
      else di.bounds[key] = value;
    }
    if (di.waypoint) {
      if (index % 5 === 0) di.waypoint = [di.waypoint[0]];
      else if (di.waypoint[0]) di.waypoint[0].x = value;
    }
    if (di.bpmnElement) di.bpmnElement.name = name;
  }
}

describe('renderSvg on damaged models', () => {
  it('never throws and always writes well-formed SVG', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ index: fc.nat(200), value: odd, name: fc.string({ unit: 'grapheme', maxLength: 40 }) }), { maxLength: 12 }),
        fc.constantFrom('light' as const, 'dark' as const),
        async (seed, theme) => {
          const { definitions } = await parseBpmn(ZOO);
          damage(definitions, seed);
          const svg = renderSvg(definitions, { theme });
          // Warnings (e.g. a U+FFFD in a label) are not malformed XML; errors are.
          const doc = new DOMParser({ onError: (level, message) => { if (level !== 'warning') throw new Error(`${level}: ${message}`); } })
            .parseFromString(svg, 'image/svg+xml');
          expect(doc.documentElement?.tagName).toBe('svg');
          expect(/NaN|Infinity/.test(svg)).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('renders an image for a model with absurd coordinates or refuses it with a typed error', async () => {
    const { definitions } = await parseBpmn(ZOO);
    definitions.diagrams[0].plane.planeElement[0].bounds.x = -1e9;
    const svg = renderSvg(definitions, { theme: 'light' });
    expect(() => renderPng(svg, { scale: 1 })).toThrow(/limit/);
  });
});
