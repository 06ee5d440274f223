import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const evalDir = path.resolve(import.meta.dirname, '../../../shared/gen-eval');
const present = existsSync(path.join(evalDir, 'dev.jsonl'));
if (!present) console.warn(`skipping the gen-eval run: ${evalDir} is not there`);

describe('generation on the shared dev set', () => {
  it.skipIf(!present && process.env.CI !== 'true')('gives a valid diagram for every document (scored by the shared scorer)', () => {
    const out = path.resolve(import.meta.dirname, '../../bench/out/gen-eval-test');
    const output = execFileSync('npx', ['tsx', 'scripts/eval-gen.ts', '--out', out], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      encoding: 'utf8',
    });
    const summary = output.trim().split('\n').at(-1)!;
    expect(summary).toMatch(/^valid=1\.00 /);
  }, 120_000);
});
