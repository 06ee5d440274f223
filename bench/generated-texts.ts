// The descriptions the layout-quality bench generates diagrams from: the generator's dev set, its test fixtures and,
// when present, its corpus (test/generate/corpus/texts.jsonl; `--corpus PATH` reads another copy).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GEN_EVAL_DIR } from '../test/helpers/shared.ts';

export interface GeneratedText {
  set: string;
  id: string;
  text: string;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES_DIR = path.join(repoRoot, 'test/generate/fixtures');
const CORPUS = path.join(repoRoot, 'test/generate/corpus/texts.jsonl');

function jsonLines(set: string, file: string): GeneratedText[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { id: string; text: string })
    .map(({ id, text }) => ({ set, id, text }));
}

export function fixtureTexts(): GeneratedText[] {
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ set: 'fixtures', id: f.replace(/\.txt$/, ''), text: readFileSync(path.join(FIXTURES_DIR, f), 'utf8') }));
}

export function generatedTexts(corpus = CORPUS): GeneratedText[] {
  return [...jsonLines('dev', path.join(GEN_EVAL_DIR, 'dev.jsonl')), ...fixtureTexts(), ...jsonLines('corpus', corpus)];
}
