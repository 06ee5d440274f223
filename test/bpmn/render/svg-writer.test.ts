import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXml, num } from '../../../src/bpmn/render/svg-writer.ts';

describe('num', () => {
  const reference = (value: number) => {
    const rounded = Math.round(value * 1000) / 1000;
    return Number.isFinite(rounded) && rounded !== 0 ? String(rounded) : '0';
  };

  it('prints a number rounded to 3 decimals exactly as String() prints the rounded number', () => {
    for (const value of [0, -0, 1, -1, 0.5, -0.5, 0.05, 0.005, 0.0005, -0.0005, 37.6, 9.9, 1e-7, 123456.789, -2.0005, 1e12 + 0.5, 1e21, 2 ** 53]) {
      expect(num(value)).toBe(reference(value));
    }
    fc.assert(fc.property(fc.double({ noNaN: false }), (value) => num(value) === reference(value)), { numRuns: 20_000 });
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), (thousandths) => num(thousandths / 1000) === reference(thousandths / 1000)), { numRuns: 20_000 });
  });

  it('prints non-finite numbers and negative zero as 0', () => {
    expect([num(Number.NaN), num(Infinity), num(-Infinity), num(-0), num(-0.0001)]).toEqual(['0', '0', '0', '0', '0']);
  });
});

describe('escapeXml', () => {
  it('escapes markup characters and drops characters XML cannot hold', () => {
    expect(escapeXml('<a href="x">&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    expect(escapeXml('a\u0001b\uFFFEc\uD800d\uD83D\uDE00')).toBe('abcd\uD83D\uDE00');
    expect(escapeXml('plain id_1-2.3')).toBe('plain id_1-2.3');
  });
});
