// Stops with a clear message on a Node.js that package.json's engines.node rules out (">=X.Y.Z" or "^X.Y.Z"
// alternatives joined by "||"): on those, the server's dependencies fail deep inside their own code
// (@fastify/static require()s content-disposition, an ES module: Node 20.19+ or 22.12+).
// Imported for its effect, first thing, by bin/jfi.mjs and scripts/build.mjs (so also by `npm start`).
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const ranges = engines.node.split('||').map((range) => {
  const match = /^\s*(>=|\^)\s*(\d+)\.(\d+)\.(\d+)\s*$/.exec(range);
  if (!match) throw new Error(`package.json engines.node must read ">=X.Y.Z" or "^X.Y.Z" joined by "||", got "${engines.node}".`);
  return { sameMajor: match[1] === '^', want: match.slice(2).map(Number), text: match.slice(2).join('.') };
});
const have = process.versions.node.split('.').map(Number);
const atLeast = (want) => {
  const i = want.findIndex((part, index) => part !== have[index]);
  return i < 0 || have[i] > want[i];
};
if (!ranges.some(({ sameMajor, want }) => atLeast(want) && (!sameMajor || have[0] === want[0]))) {
  const wanted = ranges.map(({ sameMajor, want, text }) => (sameMajor ? `${text} or a later ${want[0]}.x` : `${text} or newer`)).join(', or ');
  process.stderr.write(`Just Flow It needs Node.js ${wanted} (22 LTS or 24 recommended); this is ${process.version}.\n`);
  process.exit(1);
}
