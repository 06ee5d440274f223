import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseBpmn } from '../../src/bpmn/parse.ts';
import { main } from '../../src/cli/generate.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'jfi-generate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await main(argv), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('jfi generate', () => {
  it('writes a laid-out BPMN file and a dark PNG offline', async () => {
    const bpmn = path.join(dir, 'out.bpmn');
    const png = path.join(dir, 'out.png');
    const { code, out } = await run([
      'The clerk checks the customer invoice. If it is wrong, the clerk returns it. Otherwise the manager approves it.',
      '-o', bpmn, '--png', png, '--theme', 'dark', '--context', "Say 'client', not 'customer'.",
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(/out\.bpmn: \d+ tasks/);
    const { definitions } = await parseBpmn(readFileSync(bpmn, 'utf8'));
    const process = definitions.rootElements.find((e: any) => e.$type === 'bpmn:Process');
    expect(process.flowElements.map((e: any) => e.name)).toContain('Check client invoice');
    expect(definitions.diagrams).toHaveLength(1);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  });

  it('reads the description from a file', async () => {
    const input = path.join(dir, 'in.txt');
    writeFileSync(input, 'The planner receives the order. The planner schedules the production.');
    const { code } = await run(['--file', input, '-o', path.join(dir, 'file.bpmn')]);
    expect(code).toBe(0);
    expect(readFileSync(path.join(dir, 'file.bpmn'), 'utf8')).toContain('Schedule production');
  });

  it('exits 1 with the reason when the text is not a process, and 2 on bad usage', async () => {
    const unreadable = await run(['Lorem ipsum dolor sit amet, consectetur adipiscing elit.', '-o', path.join(dir, 'x.bpmn')]);
    expect(unreadable.code).toBe(1);
    expect(unreadable.err).toMatch(/cannot read the description: .*English/);
    expect((await run(['Some text'])).code).toBe(2);
    expect((await run(['text', '-o', 'x.bpmn', '--theme', 'neon'])).code).toBe(2);
  });
});
