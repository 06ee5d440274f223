// Rendering the MIWG files to PNG from the command line, in the same run, alternating, medians over BENCH_ROUNDS:
// one `jfi render --out-dir` call (worker pool across the cores), one `jfi render -o` call per file, and
// bpmn-to-image (bpmn-js in headless Chromium, installed on demand: see bpmn-to-image.ts) with all files in one
// call (one browser) and with one call per file.
//   npx tsx bench/cli-batch.ts        BENCH_ROUNDS (default 3); BENCH_BPMN_TO_IMAGE=0 leaves bpmn-to-image out
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MIWG_DIR, miwgFiles } from '../test/helpers/shared.ts';
import { bpmnToImage } from './bpmn-to-image.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
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

/** ratio: median over rounds of (this way's time / the batch call's time in the same round). */
export type BatchRow = { way: string; medianMs: number; ratio: number };

export async function run(): Promise<BatchRow[]> {
  const files = miwgFiles().map((file) => path.join(MIWG_DIR, file));
  const out = mkdtempSync(path.join(tmpdir(), 'jfi-batch-'));
  const png = (dir: string, file: string) => path.join(out, dir, `${path.parse(file).name}.png`);
  const loads: number[] = [];
  try {
    for (const dir of ['batch', 'separate', 'bti-one', 'bti-each']) mkdirSync(path.join(out, dir));
    jfi(['--help']); // builds dist/ if it is stale, outside the measurement
    const browser = process.env.BENCH_BPMN_TO_IMAGE === '0' ? null : bpmnToImage();
    const ways: { way: string; time: () => number }[] = [
      { way: `one \`jfi render <${files.length} files> --out-dir DIR\` call`, time: () => jfi(['render', ...files, '--out-dir', path.join(out, 'batch')]) },
      { way: `${files.length} \`jfi render <file> -o <file>.png\` calls`, time: () => files.reduce((sum, file) => sum + jfi(['render', file, '-o', png('separate', file)]), 0) },
    ];
    if (browser) {
      ways.push(
        { way: `one \`bpmn-to-image <${files.length} files>\` call`, time: () => browser.convert(files.map((file) => [file, png('bti-one', file)])) },
        { way: `${files.length} \`bpmn-to-image <file>\` calls`, time: () => files.reduce((sum, file) => sum + browser.convert([[file, png('bti-each', file)]]), 0) },
      );
    }
    const times = ways.map(() => [] as number[]);
    for (let round = 0; round < ROUNDS; round++) {
      ways.forEach((way, i) => {
        times[i]!.push(way.time());
        console.error(`round ${round + 1}: ${way.way} ${times[i]!.at(-1)!.toFixed(0)} ms`);
      });
      loads.push(loadavg()[0]!);
    }
    const rows = ways.map((way, i) => ({ way: way.way, medianMs: median(times[i]!), ratio: median(times[i]!.map((ms, round) => ms / times[0]![round]!)) }));
    console.log(`${files.length} MIWG files to PNG, ${ROUNDS} rounds, load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`);
    console.log('| way | median ms | × one jfi batch call |\n|---|---|---|');
    for (const row of rows) console.log(`| ${row.way} | ${row.medianMs.toFixed(0)} | ${row.ratio.toFixed(2)} |`);
    return rows;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
