import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/render.ts';
import { MIWG_DIR, miwgFiles } from '../helpers/shared.ts';

const A10 = fileURLToPath(new URL('../bpmn/render/fixtures/element-zoo.bpmn', import.meta.url));
const C50 = join(MIWG_DIR, 'C.5.0.bpmn');
let dir: string;
let stderr: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jfi-render-'));
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('jfi render', () => {
  it('writes an SVG when -o ends in .svg', async () => {
    const out = join(dir, 'a.svg');
    expect(await main([A10, '-o', out])).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('writes a dark PNG at the requested scale', async () => {
    const svgOut = join(dir, 'a.svg');
    const pngOut = join(dir, 'a.png');
    expect(await main([A10, '-o', svgOut, '--theme', 'dark'])).toBe(0);
    expect(await main([A10, '-o', pngOut, '--theme', 'dark', '--scale', '2'])).toBe(0);
    const [, width] = /width="(\d+)"/.exec(readFileSync(svgOut, 'utf8'))!.map(Number) as number[];
    const image = PNG.sync.read(readFileSync(pngOut));
    expect(image.width).toBe(width! * 2);
    expect(image.data[0]).toBe(0x1b);
  });

  it.skipIf(miwgFiles().length === 0)('renders the diagram named by --diagram', async () => {
    const first = join(dir, '1.svg');
    const second = join(dir, '2.svg');
    const xml = readFileSync(C50, 'utf8');
    const ids = [...xml.matchAll(/BPMNDiagram[^>]*\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(await main([C50, '-o', first, '--diagram', ids[0]!])).toBe(0);
    expect(await main([C50, '-o', second, '--diagram', ids[1]!])).toBe(0);
    expect(readFileSync(first, 'utf8')).not.toBe(readFileSync(second, 'utf8'));
  });

  it('exits 2 with the usage on bad arguments', async () => {
    expect(await main([A10, '-o', join(dir, 'a.gif')])).toBe(2);
    expect(await main([A10, '-o', join(dir, 'a.png'), '--scale', '9'])).toBe(2);
    expect(await main([A10, '-o', join(dir, 'a.png'), '--theme', 'sepia'])).toBe(2);
    expect(await main([A10])).toBe(2);
    expect(stderr).toContain('Usage: jfi render');
  });

  it('exits 1 with a clear message for a missing file, bad XML or an unknown diagram', async () => {
    expect(await main([join(dir, 'missing.bpmn'), '-o', join(dir, 'a.svg')])).toBe(1);
    expect(stderr).toContain('no such file');
    const bad = join(dir, 'bad.bpmn');
    writeFileSync(bad, '<definitions><unclosed></definitions>');
    expect(await main([bad, '-o', join(dir, 'a.svg')])).toBe(1);
    expect(stderr).toContain('invalid BPMN');
    expect(await main([A10, '-o', join(dir, 'a.svg'), '--diagram', 'nope'])).toBe(1);
    expect(stderr).toContain('No BPMNDiagram with id "nope"');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
