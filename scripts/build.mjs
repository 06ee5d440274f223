// `npm run build`: compiles src/ to dist/ (tsc, import extensions rewritten to .js, no type check: that is
// `npm run lint`) and copies what is not TypeScript (the dashboard's assets). With --if-stale it builds only
// when dist/ is missing or older than the sources: what `npm start` and bin/jfi.mjs run first.
// Plain JavaScript, since it has to run before anything is compiled.
import './require-node.mjs';
import { cpSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.build-stamp');
const LOCK = path.join(ROOT, '.build.lock');
/** Files besides src/ whose change changes the output. */
const INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((f) => path.join(ROOT, f));
/** Only for the sources: the build compiles the .ts files instead of these tsx-registering worker shims. */
const SOURCE_ONLY = /\.(ts|mjs)$/;
/** A lock older than this was left by a build that died. */
const LOCK_STALE_MS = 120_000;

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** True when dist/ is missing or any source is newer than the last build (a folder's time covers added and removed files). */
export function isStale() {
  const built = mtime(STAMP);
  if (built === null) return true;
  return INPUTS.some((file) => (mtime(file) ?? 0) > built) || changedSince(SRC, built);
}

// Every `jfi` start runs this: a walk with file types and plain string paths takes half the time of a recursive
// readdir and path.join over the ~200 entries.
function changedSince(dir, built) {
  if ((mtime(dir) ?? 0) > built) return true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = `${dir}${path.sep}${entry.name}`;
    if (entry.isDirectory() ? changedSince(full, built) : (mtime(full) ?? 0) > built) return true;
  }
  return false;
}

/** Builds dist/ from scratch; one build at a time (a second caller waits for the first, then decides again). */
export function build({ ifStale = false } = {}) {
  if (ifStale && !isStale()) return false;
  acquireLock();
  try {
    if (ifStale && !isStale()) return false;
    compile();
    return true;
  } finally {
    rmdirSync(LOCK);
  }
}

function compile() {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    throw new Error('Building needs the dev dependencies (typescript): run `npm ci` without --omit=dev.');
  }
  rmSync(DIST, { recursive: true, force: true });
  // Required here, not imported: every `jfi` start loads this file, and only a build spawns tsc.
  const { spawnSync } = createRequire(import.meta.url)('node:child_process');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`tsc failed (exit ${result.status ?? result.signal}).`);
  cpSync(SRC, DIST, { recursive: true, filter: (from) => statSync(from).isDirectory() || !SOURCE_ONLY.test(from) });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

function acquireLock() {
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    if (Date.now() - (mtime(LOCK) ?? Date.now()) > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    const ifStale = process.argv.includes('--if-stale');
    const built = build({ ifStale });
    if (built) process.stderr.write('Built dist/.\n');
  } catch (error) {
    process.stderr.write(`build: ${error.message}\n`);
    process.exit(1);
  }
}
