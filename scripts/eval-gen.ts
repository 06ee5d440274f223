// Generates <id>.bpmn with the builtin provider for every document of a gold set and scores them with the shared
// scorer: our own corpus (test/generate/corpus/gold.jsonl) and the shared dev set. The last two lines are the
// labelled summaries, dev last (test/generate/eval.test.ts reads it). `--gold FILE` scores that one file instead;
// `--by-style` adds micro F1 per corpus style (from texts.jsonl) for styles with at least three gold documents.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateProcess } from '../src/generate/generate.ts';
import { GenerationError } from '../src/generate/provider.ts';
import { BuiltinProvider } from '../src/generate/providers/builtin/builtin-provider.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const root = path.resolve(import.meta.dirname, '..');
const evalDir = option('--eval-dir', path.resolve(root, '../shared/gen-eval'));
const out = option('--out', path.join(root, 'bench/out/gen-eval'));
const corpusDir = path.join(root, 'test/generate/corpus');
const gold = option('--gold', '');
const sets = gold
  ? [{ label: path.basename(gold, '.jsonl'), file: gold }]
  : [
      { label: 'corpus', file: path.join(corpusDir, 'gold.jsonl') },
      { label: 'dev', file: path.join(evalDir, 'dev.jsonl') },
    ];

type Doc = { id: string; text: string };
const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as T);
const score = (goldFile: string, predDir: string, ...extra: string[]) =>
  execFileSync('python3', [path.join(evalDir, 'score.py'), '--gold', goldFile, '--pred', predDir, ...extra], { encoding: 'utf8' });

const provider = new BuiltinProvider();
async function generateAll(docs: Doc[], dir: string) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const doc of docs) {
    try {
      const result = await generateProcess({ prompt: doc.text }, provider);
      writeFileSync(path.join(dir, `${doc.id}.bpmn`), result.xml);
    } catch (err) {
      // A refused document scores as missing; say so rather than hide it.
      const reason = err instanceof GenerationError ? `${err.code}: ${err.message}` : String(err);
      console.error(`${doc.id}: not generated (${reason})`);
    }
  }
}

// Micro F1 per style: the scorer run on the gold documents that carry that style.
function styleTable(goldFile: string, predDir: string): string[] {
  const styles = new Map(readJsonl<{ id: string; style: string[] }>(path.join(corpusDir, 'texts.jsonl')).map((t) => [t.id, t.style]));
  const lines = readJsonl<Doc>(goldFile);
  const byStyle = new Map<string, Doc[]>();
  for (const doc of lines) for (const s of styles.get(doc.id) ?? []) byStyle.set(s, [...(byStyle.get(s) ?? []), doc]);
  const dir = path.join(out, 'by-style');
  mkdirSync(dir, { recursive: true });
  const rows = [`${'style'.padEnd(14)} docs valid activity actor  xor  and flow`];
  for (const [style, docs] of [...byStyle].sort(([a], [b]) => a.localeCompare(b))) {
    if (docs.length < 3) continue;
    const file = path.join(dir, `${style}.jsonl`);
    writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    const s = JSON.parse(score(file, predDir, '--json').trim().split('\n').at(-1)!) as Record<string, number>;
    const f = (k: string) => s[k]!.toFixed(2);
    rows.push(`${style.padEnd(14)} ${String(docs.length).padStart(4)} ${f('valid')} ${f('activity_f1').padStart(8)} ${f('actor_f1').padStart(5)} ${f('xor_f1')} ${f('and_f1')} ${f('flow_f1')}`);
  }
  return rows;
}

const summaries: string[] = [];
for (const set of sets) {
  if (!existsSync(set.file)) throw new Error(`no gold file at ${set.file}`);
  const dir = path.join(out, set.label);
  await generateAll(readJsonl<Doc>(set.file), dir);
  const lines = score(set.file, dir).trimEnd().split('\n');
  process.stdout.write(`== ${set.label}: ${path.relative(root, set.file)}\n${lines.slice(0, -1).join('\n')}\n`);
  if (args.includes('--by-style') && set.file.startsWith(corpusDir)) process.stdout.write(`${styleTable(set.file, dir).join('\n')}\n`);
  summaries.push(`${set.label}: ${lines.at(-1)}`);
}
process.stdout.write(`${summaries.join('\n')}\n`);
