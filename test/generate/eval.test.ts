import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const evalDir = path.resolve(import.meta.dirname, '../../../shared/gen-eval');
const present = existsSync(path.join(evalDir, 'dev.jsonl'));
if (!present) console.warn(`skipping the gen-eval run: ${evalDir} is not there`);

describe('generation on the shared dev set and our corpus', () => {
  it.skipIf(!present && process.env.CI !== 'true')('gives a valid diagram for every dev document and scores the corpus gold', () => {
    const out = path.resolve(import.meta.dirname, '../../bench/out/gen-eval-test');
    const output = execFileSync('npx', ['tsx', 'scripts/eval-gen.ts', '--out', out], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      encoding: 'utf8',
    });
    const [corpus, dev] = output.trim().split('\n').slice(-2);
    expect(dev).toMatch(/^dev: valid=1\.00 /);
    expect(Number(/^corpus: valid=[\d.]+ .* docs=(\d+)$/.exec(corpus!)?.[1])).toBeGreaterThanOrEqual(60);
  }, 300_000); // (a hang guard: the eval scores ~490 texts, minutes on a loaded 2-CPU machine)
});
