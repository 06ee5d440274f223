// Cold start of the server to its first /healthz 200 on a fresh SQLite file: compiled (`node dist/main.js`, what
// `npm start` runs) against the sources through tsx, alternating, medians over BENCH_ROUNDS.
//   npx tsx bench/server-start.ts        BENCH_ROUNDS (default 7)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PORT = 3931;

async function startToHealthy(args: string[]): Promise<number> {
  const data = mkdtempSync(path.join(tmpdir(), 'jfi-start-'));
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: String(PORT), DATABASE_URL: `sqlite:${data}/jfi.sqlite`, LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`node ${args.join(' ')} exited ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${PORT}/healthz`).then((r) => r.ok, () => false);
      if (ok) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(data, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

export async function run(): Promise<{ compiledMs: number; tsxMs: number }> {
  const compiled: number[] = [];
  const tsx: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    compiled.push(await startToHealthy(['dist/main.js']));
    tsx.push(await startToHealthy(['--import', 'tsx', 'src/main.ts']));
  }
  const result = { compiledMs: median(compiled), tsxMs: median(tsx) };
  console.log(`start to first /healthz 200 (SQLite, ${ROUNDS} rounds): compiled ${result.compiledMs.toFixed(0)} ms, tsx ${result.tsxMs.toFixed(0)} ms`);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
