import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countCrossings } from '../../../src/bpmn/layout/layered/ordering.ts';
import type { Segment } from '../../../src/bpmn/layout/layered/vertices.ts';

/** Two segments between adjacent layers cross when their ends are in opposite orders (ports ranked on the left). */
function bruteForce(segments: Segment[], pos: Int32Array): number {
  let n = 0;
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      const a = segments[i]!;
      const b = segments[j]!;
      const left = pos[a.left]! * 64 + a.leftRank - (pos[b.left]! * 64 + b.leftRank);
      const right = pos[a.right]! - pos[b.right]!;
      if ((left < 0 && right > 0) || (left > 0 && right < 0)) n++;
    }
  }
  return n;
}

describe('countCrossings', () => {
  it('counts exactly the pairs of segments whose ends are in opposite orders', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 })), { maxLength: 30 }),
        (leftCount, rightCount, raw) => {
          // Vertices 0..leftCount-1 on the left layer, then the right layer's; positions as listed.
          const pos = Int32Array.from([...Array(leftCount).keys(), ...Array(rightCount).keys()]);
          const segments = raw.map(([l, r, rank]) => ({ left: l % leftCount, right: leftCount + (r % rightCount), leftOffset: 0, leftRank: rank, weight: 1 }));
          expect(countCrossings(segments, pos)).toBe(bruteForce(segments, pos));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
