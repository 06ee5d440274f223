// bpmn-to-image (the npm package: bpmn-js in headless Chromium driven by puppeteer), installed on demand into a
// cache folder outside the repository, driving the system's Chromium: puppeteer's own download is skipped, and
// Chromium runs through a wrapper adding --no-sandbox (benchmarks run as root in containers).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

const CACHE = process.env.JFI_BENCH_CACHE ?? path.join(homedir(), '.cache', 'jfi-bench');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export interface BpmnToImage {
  /** Converts each [input, output.png] pair in one process (one browser); returns the wall time in ms. */
  convert(pairs: [string, string][]): number;
}

/** Installs bpmn-to-image when missing; null (with the reason on stderr) when there is no Chromium or no registry. */
export function bpmnToImage(): BpmnToImage | null {
  if (!existsSync(CHROMIUM)) {
    console.error(`bpmn-to-image not compared: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM).`);
    return null;
  }
  const cli = path.join(CACHE, 'node_modules', 'bpmn-to-image', 'cli.js');
  const env = { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PUPPETEER_EXECUTABLE_PATH: path.join(CACHE, 'chromium-no-sandbox') };
  if (!existsSync(cli)) {
    mkdirSync(CACHE, { recursive: true });
    console.error(`installing bpmn-to-image into ${CACHE} …`);
    const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', CACHE, 'bpmn-to-image'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (npm.status !== 0 || !existsSync(cli)) {
      console.error('bpmn-to-image not compared: npm install failed.');
      return null;
    }
  }
  writeFileSync(env.PUPPETEER_EXECUTABLE_PATH, `#!/bin/sh\nexec ${CHROMIUM} --no-sandbox "$@"\n`);
  chmodSync(env.PUPPETEER_EXECUTABLE_PATH, 0o755);
  return {
    convert(pairs) {
      const started = performance.now();
      // --no-footer: the diagram alone, as jfi draws it (no title or bpmn.io logo).
      const result = spawnSync(process.execPath, [cli, '--no-footer', ...pairs.map(([input, output]) => `${input}${path.delimiter}${output}`)], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      const elapsed = performance.now() - started;
      if (result.status !== 0) throw new Error(`bpmn-to-image exited ${result.status}: ${result.stderr.toString()}`);
      return elapsed;
    },
  };
}
