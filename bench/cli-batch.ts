// Rendering the MIWG files to PNG from the command line: one `jfi render --out-dir` call (worker pool across the
// cores) against one `jfi render -o` call per file, in the same run, alternating, medians over BENCH_ROUNDS.
// (bpmn-to-image, the npm package driving headless Chromium, is not installed here: not compared.)
//   npx tsx bench/cli-batch.ts        BENCH_ROUNDS (default 5)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MIWG_DIR, miwgFiles } from '../test/helpers/shared.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BIN = fileURLToPath(new URL('../bin/jfi.mjs', import.meta.url));

function jfi(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`jfi ${args.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function run(): Promise<{ files: number; batchMs: number; separateMs: number }> {
  const files = miwgFiles().map((file) => path.join(MIWG_DIR, file));
  const out = mkdtempSync(path.join(tmpdir(), 'jfi-batch-'));
  try {
    jfi(['--help']); // builds dist/ if it is stale, outside the measurement
    const batch: number[] = [];
    const separate: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      batch.push(jfi(['render', ...files, '--out-dir', path.join(out, 'batch')]));
      separate.push(files.reduce((sum, file) => sum + jfi(['render', file, '-o', path.join(out, `${path.parse(file).name}.png`)]), 0));
    }
    const result = { files: files.length, batchMs: median(batch), separateMs: median(separate) };
    console.log(`${files.length} MIWG files to PNG, ${ROUNDS} rounds: one batch call ${result.batchMs.toFixed(0)} ms, ` +
      `${files.length} separate calls ${result.separateMs.toFixed(0)} ms (${(result.separateMs / result.batchMs).toFixed(2)}× the batch)`);
    return result;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
