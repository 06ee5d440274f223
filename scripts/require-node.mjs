// Stops with a clear message on a Node.js older than package.json's engines.node (">=X.Y.Z"): on those, the
// server's dependencies fail deep inside their own code (e.g. @fastify/static needs require() of ES modules).
// Imported for its effect, first thing, by bin/jfi.mjs and scripts/build.mjs (so also by `npm start`).
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const minimum = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(engines.node);
if (!minimum) throw new Error(`package.json engines.node must read ">=X.Y.Z", got "${engines.node}".`);
const have = process.versions.node.split('.').map(Number);
const want = minimum.slice(1).map(Number);
const i = want.findIndex((part, index) => part !== have[index]);
if (i >= 0 && have[i] < want[i]) {
  process.stderr.write(`Just Flow It needs Node.js ${engines.node.replace(/^>=\s*/, '')} or newer (22 LTS or 24 recommended); this is ${process.version}.\n`);
  process.exit(1);
}
