// Generates <id>.bpmn for every gen-eval document with the builtin provider and scores them with the shared scorer.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateProcess } from '../src/generate/generate.ts';
import { GenerationError } from '../src/generate/provider.ts';
import { BuiltinProvider } from '../src/generate/providers/builtin/builtin-provider.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const evalDir = option('--eval-dir', path.resolve(import.meta.dirname, '../../shared/gen-eval'));
const gold = option('--gold', path.join(evalDir, 'dev.jsonl'));
const out = option('--out', path.resolve(import.meta.dirname, '../bench/out/gen-eval'));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const provider = new BuiltinProvider();
for (const line of readFileSync(gold, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line) as { id: string; text: string };
  try {
    const result = await generateProcess({ prompt: doc.text }, provider);
    writeFileSync(path.join(out, `${doc.id}.bpmn`), result.xml);
  } catch (err) {
    // A refused document scores as missing; say so rather than hide it.
    const reason = err instanceof GenerationError ? `${err.code}: ${err.message}` : String(err);
    console.error(`${doc.id}: not generated (${reason})`);
  }
}
const summary = execFileSync('python3', [path.join(evalDir, 'score.py'), '--gold', gold, '--pred', out], { encoding: 'utf8' });
process.stdout.write(summary);
