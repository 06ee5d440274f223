// Runs every bench/*.ts that exports `run`, one after another (they measure; running them at once would
// make them measure each other). Scripts without a `run` export are left alone: importing them would run them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const EXPORTS_RUN = /^export\s+(async\s+)?function\s+run\s*\(|^export\s+const\s+run\s*=/m;

const only = process.argv.slice(2);
const candidates = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith('.ts') && file !== 'run-all.ts')
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();
const files = candidates.filter((file) => EXPORTS_RUN.test(fs.readFileSync(path.join(dir, file), 'utf8')));
const skipped = candidates.filter((file) => !files.includes(file));
if (skipped.length > 0) console.log(`Not benchmarks (no run export): ${skipped.join(', ')}`);
if (files.length === 0) {
  console.error(only.length > 0 ? `No benchmark matches ${only.join(', ')}.` : 'No benchmarks found.');
  process.exit(1);
}

let failed = false;
for (const file of files) {
  console.log(`\n=== bench/${file}`);
  try {
    const module = (await import(pathToFileURL(path.join(dir, file)).href)) as { run: () => Promise<unknown> };
    await module.run();
  } catch (error) {
    failed = true;
    console.error(`bench/${file} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exitCode = failed ? 1 : 0;
