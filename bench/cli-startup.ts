// How fast does `jfi` start? Wall time of whole processes (compiled dist/, built first when stale): `jfi --help`,
// rendering one MIWG file to PNG, and generating from a ~200-word description, each against `node -e 0` run in
// the same round. The machine is shared, so rounds interleave the commands and the figures are medians: of each
// command's wall time, and of its per-round ratio to the reference.
//   npx tsx bench/cli-startup.ts        BENCH_ROUNDS (default 21)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MIWG_DIR } from '../test/helpers/shared.ts';
import { DESCRIPTION } from './generate-speed.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21);
const BIN = fileURLToPath(new URL('../bin/jfi.mjs', import.meta.url));

export interface StartupRow {
  command: string;
  medianMs: number;
  /** Median over rounds of (this command's time / node -e 0's time in the same round). */
  ratio: number;
  goal: number | null;
}

function wallMs(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function run(): Promise<StartupRow[]> {
  const out = mkdtempSync(path.join(tmpdir(), 'jfi-startup-'));
  const one = path.join(MIWG_DIR, 'A.1.0.bpmn');
  const commands = [
    { label: 'node -e 0', args: ['-e', '0'], goal: null },
    { label: 'jfi --help', args: [BIN, '--help'], goal: 2 },
    { label: 'jfi render A.1.0.bpmn -o one.png', args: [BIN, 'render', one, '-o', path.join(out, 'one.png')], goal: 4 },
    { label: `jfi generate "<${DESCRIPTION.split(/\s+/).length} words>" -o x.bpmn`, args: [BIN, 'generate', DESCRIPTION, '-o', path.join(out, 'x.bpmn')], goal: 5 },
  ];
  try {
    wallMs([BIN, '--help']); // builds dist/ if it is stale, outside the measurement
    const times = commands.map(() => [] as number[]);
    for (let round = 0; round < ROUNDS; round++) commands.forEach((command, i) => times[i]!.push(wallMs(command.args)));
    const reference = times[0]!;
    const rows = commands.map((command, i) => ({
      command: command.label,
      medianMs: median(times[i]!),
      ratio: median(times[i]!.map((ms, round) => ms / reference[round]!)),
      goal: command.goal,
    }));
    console.log(`${ROUNDS} rounds, load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)} at the end`);
    console.log('| command | median ms | × node -e 0 | goal |\n|---|---|---|---|');
    for (const row of rows) console.log(`| \`${row.command}\` | ${row.medianMs.toFixed(0)} | ${row.ratio.toFixed(2)} | ${row.goal ? `≤ ${row.goal}×` : ''} |`);
    return rows;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
