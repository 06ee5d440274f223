// What a batch shows while it runs: a bar redrawn in place on a terminal, or one plain line per file otherwise
// (logs, pipes, CI). Failures are always their own line on standard error.
import type { CliIo } from './io.ts';

const WIDTH = 24;

export interface Progress {
  succeeded(line: string): void;
  failed(line: string): void;
  /** Clears the bar; the caller prints the summary after. */
  finish(): void;
}

export function createProgress(io: CliIo, total: number, options: { quiet: boolean }): Progress {
  const started = performance.now();
  let done = 0;
  let failures = 0;
  const { progress } = io;
  const draw = () => {
    if (!progress) return;
    const filled = Math.round((done / total) * WIDTH);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    progress(`\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total}${failures ? `, ${failures} failed` : ''}, ${seconds} s`);
  };
  const clear = () => progress?.('\r\x1b[K');
  draw();
  return {
    succeeded(line) {
      done++;
      if (!progress && !options.quiet) io.out(line);
      draw();
    },
    failed(line) {
      done++;
      failures++;
      clear();
      io.err(line);
      draw();
    },
    finish: clear,
  };
}
