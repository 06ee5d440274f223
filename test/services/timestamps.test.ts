import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../../src/services/timestamps.ts';

/** What rfc3339 must write: toISOString cut to the second. */
const viaDate = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

describe('rfc3339', () => {
  it('writes what toISOString writes, to the second, for every instant from 1970 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (ms) => {
        expect(rfc3339(ms)).toBe(viaDate(ms));
      }),
      { numRuns: 20_000 },
    );
  });

  it('gets the calendar edges right', () => {
    const edges = [
      0,
      999,
      Date.UTC(1972, 1, 29, 23, 59, 59, 999),
      Date.UTC(2000, 1, 29),
      Date.UTC(2000, 2, 1),
      Date.UTC(2100, 1, 28, 12),
      Date.UTC(2100, 2, 1),
      Date.UTC(2026, 5, 7, 10, 0, 0),
      Date.UTC(2026, 11, 31, 23, 59, 59, 500),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      1.5,
      Date.UTC(2026, 0, 1) + 0.75,
    ];
    for (const ms of edges) expect(rfc3339(ms)).toBe(viaDate(ms));
    expect(rfc3339(Date.UTC(2026, 5, 7, 10, 0, 0))).toBe('2026-06-07T10:00:00Z');
  });

  it('falls back to Date outside 1970–9999, with the same result or error', () => {
    for (const ms of [-1, -86_400_001, Date.UTC(1969, 11, 31, 23, 59, 59), Date.UTC(10000, 0, 1), -62_198_755_200_000]) {
      expect(rfc3339(ms)).toBe(viaDate(ms));
    }
    expect(() => rfc3339(Number.NaN)).toThrow(RangeError);
    expect(() => rfc3339(8.64e15 + 1)).toThrow(RangeError);
  });
});
