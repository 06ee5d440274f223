// End to end: the real bin/jfi.mjs (compiled dist/, rebuilt when stale) rendering and generating batches of real files.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { BIN, runNode, type Run } from './run-node.ts';

const ZOO = fileURLToPath(new URL('../bpmn/render/fixtures/element-zoo.bpmn', import.meta.url));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function jfi(args: string[], cwd: string): Promise<Run> {
  return runNode([BIN, ...args], { cwd });
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jfi-batch-'));
  mkdirSync(path.join(dir, 'in'));
  copyFileSync(ZOO, path.join(dir, 'in', 'zoo.bpmn'));
  copyFileSync(ZOO, path.join(dir, 'in', 'zoo-copy.bpmn'));
  writeFileSync(path.join(dir, 'in', 'broken.bpmn'), '<definitions');
  writeFileSync(path.join(dir, 'in', 'notes.txt'), 'not a diagram');
});

describe('jfi render --out-dir', () => {
  it('renders every file, reports the broken one without stopping, and exits 1', async () => {
    const result = await jfi(['render', 'in/zoo.bpmn', 'in/broken.bpmn', 'in/zoo-copy.bpmn', '--out-dir', 'out'], dir);
    expect(result.code).toBe(1);
    for (const name of ['zoo', 'zoo-copy']) expect(readFileSync(path.join(dir, 'out', `${name}.png`)).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(existsSync(path.join(dir, 'out', 'broken.png'))).toBe(false);
    expect(result.stderr).toMatch(/^jfi render: in\/broken\.bpmn: invalid BPMN: /m);
    expect(result.stdout).toContain('in/zoo.bpmn -> out/zoo.png');
    expect(result.stdout).toMatch(/^3 files, 1 failed, \d+\.\d s$/m);
  });

  it('takes a directory for its .bpmn files and prints --json with one result per file', async () => {
    const result = await jfi(['render', 'in', '--out-dir', 'svg', '--format', 'svg', '--theme', 'dark', '--json', '--jobs', '2'], dir);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: number; failed: number; results: { input: string; ok: boolean; error?: string }[] };
    expect(report.files).toBe(3);
    expect(report.failed).toBe(1);
    expect(report.results.map((r) => [r.input, r.ok])).toEqual([
      ['in/broken.bpmn', false],
      ['in/zoo-copy.bpmn', true],
      ['in/zoo.bpmn', true],
    ]);
    expect(report.results[0]!.error).toMatch(/^invalid BPMN: /);
    expect(readFileSync(path.join(dir, 'svg', 'zoo.svg'), 'utf8')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('exits 0 when every file renders', async () => {
    const result = await jfi(['render', 'in/zoo.bpmn', 'in/zoo-copy.bpmn', '--out-dir', 'out', '--scale', '2'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^2 files, 0 failed/m);
  });

  it.each([
    [['in/zoo.bpmn', 'in/zoo-copy.bpmn', '-o', 'x.png'], '-o takes one input'],
    [['in/zoo.bpmn', '-o', 'x.png', '--out-dir', 'out'], 'Give -o <file> for one input or --out-dir <dir> for many.'],
    [['in/zoo.bpmn', 'in/../in/zoo.bpmn', '--out-dir', 'out'], 'would both write out/zoo.png'],
    [['in/zoo.bpmn', '--out-dir', 'out', '--format', 'gif'], '--format must be one of svg, png'],
    [['in/zoo.bpmn', '--out-dir', 'out', '--jobs', '0'], '--jobs must be a whole number'],
    [['in/zoo.bpmn', '-o', 'x.png', '--json'], '--json goes with --out-dir.'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const result = await jfi(['render', ...args], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: jfi render');
  });
});

describe('jfi generate --file … --out-dir', () => {
  it('generates one diagram per .txt file of a directory and reports an unreadable description', async () => {
    mkdirSync(path.join(dir, 'texts'));
    writeFileSync(path.join(dir, 'texts', 'order.txt'), 'The clerk receives the order. Then the manager approves the order.');
    writeFileSync(path.join(dir, 'texts', 'empty.txt'), '   ');
    const result = await jfi(['generate', '--file', 'texts', '--out-dir', 'bpmn'], dir);
    expect(result.code).toBe(1);
    expect(readFileSync(path.join(dir, 'bpmn', 'order.bpmn'), 'utf8')).toContain('<bpmndi:BPMNDiagram');
    expect(result.stderr).toMatch(/^jfi generate: texts\/empty\.txt: /m);
    expect(result.stdout).toMatch(/^2 files, 1 failed/m);
  });

  it('asks for --out-dir when a single --file is a directory (exit 2)', async () => {
    const result = await jfi(['generate', '--file', 'in', '-o', 'x.bpmn'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('in is a directory: add --out-dir DIR');
  });

  it('with --each-line, generates one diagram per non-empty line', async () => {
    writeFileSync(path.join(dir, 'lines.txt'), 'The clerk receives the order. Then the manager approves it.\n\nThe customer pays. The accountant records the payment.\n');
    const result = await jfi(['generate', '--file', 'lines.txt', '--each-line', '--out-dir', 'bpmn', '--json'], dir);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { results: { input: string; output: string; ok: boolean }[] };
    expect(report.results.map((r) => [r.input, r.output, r.ok])).toEqual([
      ['lines.txt:1', 'bpmn/lines-1.bpmn', true],
      ['lines.txt:3', 'bpmn/lines-3.bpmn', true],
    ]);
    expect(readFileSync(path.join(dir, 'bpmn', 'lines-3.bpmn'), 'utf8')).toContain('<bpmn:task');
  });
});

describe('scripts/require-node.mjs', () => {
  it('stops with a clear message on a Node older than engines.node', async () => {
    mkdirSync(path.join(dir, 'scripts'));
    copyFileSync(fileURLToPath(new URL('../../scripts/require-node.mjs', import.meta.url)), path.join(dir, 'scripts', 'require-node.mjs'));
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ engines: { node: '>=999.0.0' } }));
    const result = await runNode([path.join(dir, 'scripts', 'require-node.mjs')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`Just Flow It needs Node.js 999.0.0 or newer (22 LTS or 24 recommended); this is ${process.version}.\n`);
  });

  it('reads "||" alternatives: a later release of an older major counts, an earlier one of the same major does not', async () => {
    mkdirSync(path.join(dir, 'scripts'));
    copyFileSync(fileURLToPath(new URL('../../scripts/require-node.mjs', import.meta.url)), path.join(dir, 'scripts', 'require-node.mjs'));
    const major = Number(process.versions.node.split('.')[0]);
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ engines: { node: `^${major}.0.0 || >=999.0.0` } }));
    expect((await runNode([path.join(dir, 'scripts', 'require-node.mjs')])).code).toBe(0);
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ engines: { node: `^${major - 1}.0.0 || >=${major}.999.0` } }));
    const result = await runNode([path.join(dir, 'scripts', 'require-node.mjs')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`Just Flow It needs Node.js ${major - 1}.0.0 or a later ${major - 1}.x, or ${major}.999.0 or newer (22 LTS or 24 recommended); this is ${process.version}.\n`);
  });
});
