#!/usr/bin/env node
// The `jfi` CLI. Runs the compiled dist/, building it first when it is missing or older than src/ (as `npm start` does).
import '../scripts/require-node.mjs';
import module from 'node:module';
import process from 'node:process';
import { build } from '../scripts/build.mjs';

// Node 22.1+ keeps V8's compiled code between runs (in the OS temp folder); Node 20 has no such cache.
module.enableCompileCache?.();
try {
  if (build({ ifStale: true })) process.stderr.write('jfi: built dist/ from the changed sources.\n');
} catch (error) {
  process.stderr.write(`jfi: cannot build dist/: ${error.message}\n`);
  process.exit(1);
}
const { main } = await import('../dist/cli/index.js');
process.exitCode = await main(process.argv.slice(2));
