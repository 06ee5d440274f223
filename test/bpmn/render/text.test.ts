import { describe, expect, it } from 'vitest';
import { labelBounds, layoutText, MAX_LABEL_CHARS, measureText, wrapText } from '../../../src/bpmn/render/text.ts';

describe('measureText', () => {
  it('uses Liberation Sans advances (Arial metrics) scaled by the font size', () => {
    // Arial advances sum to 62.02 px for "Hello World" at 12 px; the "Wo" kern pair takes 0.22 px off.
    expect(measureText('Hello World', 12)).toBeCloseTo(61.8, 1);
    expect(measureText('Hello World', 24)).toBeCloseTo(2 * measureText('Hello World', 12), 6);
  });

  it('kerns inside words but not across spaces, like Chromium canvas measureText', () => {
    const unkerned = (s: string) => [...s].reduce((sum, c) => sum + measureText(c, 11), 0);
    expect(measureText('AVAVA', 11)).toBeLessThan(unkerned('AVAVA'));
    // bpmn-js in Chromium measured "From A" at 36.06 px: the " A" pair is not kerned.
    expect(measureText('From A', 11)).toBeCloseTo(36.056, 3);
  });

  it('gives glyphs missing from the font a width instead of zero', () => {
    expect(measureText('😀', 12)).toBeGreaterThan(8);
    expect(measureText('中文', 12)).toBeCloseTo(24, 0);
  });
});

describe('wrapText', () => {
  it('breaks at spaces so every line fits the width (86 px in a 100-wide task)', () => {
    const lines = wrapText('Check the invoice and approve it quickly', 86, 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(measureText(line.trimEnd(), 12)).toBeLessThanOrEqual(86);
    expect(lines.join('')).toBe('Check the invoice and approve it quickly');
  });

  it('splits on explicit newlines first', () => {
    expect(wrapText('a\nb', 200, 12)).toEqual(['a', 'b']);
  });

  it('breaks after a hyphen and renders a soft hyphen as "-"', () => {
    expect(wrapText('Pre-qualification', 40, 12)[0]).toBe('Pre-');
    expect(wrapText('Super\u00ADcalifragilistic', 60, 12)[0]).toBe('Super-');
  });

  it('cuts a long word without break points hard', () => {
    const lines = wrapText('Donaudampfschifffahrtsgesellschaft', 86, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('Donaudampfschifffahrtsgesellschaft');
  });

  it('never splits a line shorter than 2 characters', () => {
    expect(wrapText('W', 1, 12)).toEqual(['W']);
  });
});

describe('layoutText', () => {
  it('centres one 12 px line in an 80 px task at baseline 43.6', () => {
    const laid = layoutText('Task 1', { box: { width: 100, height: 80 }, align: 'center-middle', padding: 7, fontSize: 12 });
    expect(laid.lines).toHaveLength(1);
    expect(laid.lines[0]!.y).toBeCloseTo(43.6, 5);
    expect(laid.lines[0]!.x).toBeCloseTo((86 - measureText('Task 1', 12)) / 2 + 7, 5);
  });

  it('puts the first external-label baseline 9.9 px below the box top', () => {
    const laid = layoutText('x', { box: { width: 90, height: 20 }, align: 'center-top', padding: 0, fontSize: 11 });
    expect(laid.lines[0]!.y).toBeCloseTo(9.9, 5);
  });
});

describe('labelBounds', () => {
  it('centres the measured label on the anchor with its top 10 px above it', () => {
    const bounds = labelBounds('Invoice received', { x: 100, y: 128 });
    expect(bounds.y).toBe(118);
    expect(bounds.height).toBe(Math.ceil(13.2));
    expect(bounds.x + bounds.width / 2).toBeCloseTo(100, 0);
  });
});

describe('wrapText on hostile input', () => {
  it('wraps a 200,000-character label quickly, cut to MAX_LABEL_CHARS with an ellipsis', () => {
    const started = performance.now();
    const lines = wrapText('x'.repeat(200_000), 86, 12);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(lines.join('')).toBe(`${'x'.repeat(MAX_LABEL_CHARS)}…`);
    for (const line of lines) expect(measureText(line, 12)).toBeLessThanOrEqual(86);
  });

  it('keeps every word of a line longer than the pre-cut, breaking only at spaces', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const lines = wrapText(words, 86, 12);
    expect(lines.map((line) => line.trim()).join(' ')).toBe(words);
    for (const line of lines) expect(measureText(line.trimEnd(), 12)).toBeLessThanOrEqual(86);
  });
});
