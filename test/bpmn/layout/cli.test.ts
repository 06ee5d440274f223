import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIWG_DIR } from '../../helpers/shared.ts';
import { main } from '../../../src/cli/layout.ts';
import type { CliIo } from '../../../src/cli/io.ts';
import { parseBpmn } from '../../../src/bpmn/parse.ts';
import { stripDi } from '../../../src/bpmn/strip-di.ts';

function bufferIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), readStdin: async () => '', env: {} };
}

async function diLessFile(dir: string): Promise<string> {
  const parsed = await parseBpmn(readFileSync(`${MIWG_DIR}/A.4.1.bpmn`, 'utf8'));
  stripDi(parsed.definitions);
  const { xml } = await parsed.moddle.toXML(parsed.definitions, { format: true });
  const path = join(dir, 'in.bpmn');
  writeFileSync(path, xml);
  return path;
}

describe('jfi layout', () => {
  it('writes a laid-out copy of a DI-less file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jfi-layout-'));
    const input = await diLessFile(dir);
    const output = join(dir, 'out.bpmn');
    const io = bufferIo();
    expect(await main([input, '-o', output], io)).toBe(0);
    const laid = await parseBpmn(readFileSync(output, 'utf8'));
    expect(laid.definitions.diagrams).toHaveLength(1);
    expect(laid.definitions.diagrams[0].plane.planeElement.length).toBeGreaterThan(20);
    expect(io.stderr.join('')).toMatch(/Laid out \d+ shapes/);
  });

  it('prints to standard output without -o', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jfi-layout-'));
    const io = bufferIo();
    expect(await main([await diLessFile(dir)], io)).toBe(0);
    expect(io.stdout.join('')).toContain('bpmndi:BPMNShape');
  });

  it('fails with exit 2 and the usage when the input is missing', async () => {
    const io = bufferIo();
    expect(await main([], io)).toBe(2);
    expect(io.stderr.join('')).toContain('Usage: jfi layout');
  });

  it('fails with exit 1 and a clear message for a missing file or non-BPMN input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jfi-layout-'));
    const io = bufferIo();
    expect(await main([join(dir, 'nope.bpmn')], io)).toBe(1);
    expect(io.stderr.join('')).toMatch(/no such file: .*nope\.bpmn/);
    const junk = join(dir, 'junk.bpmn');
    writeFileSync(junk, 'this is not xml');
    const io2 = bufferIo();
    expect(await main([junk], io2)).toBe(1);
    expect(io2.stderr.join('')).toMatch(/^jfi layout: /);
    expect(io2.stderr.join('')).not.toMatch(/\n\s+at /);
  });
});
