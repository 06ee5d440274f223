// The corpus itself: its .jsonl files are what the hand-written sources give, every gold annotation is one the shared
// scorer can match (checked by build.py --verify), and it keeps the breadth issue 13 asks for.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;
const scorer = path.resolve(here, '../../../../shared/gen-eval/score.py');
const rows = (file: string) =>
  readFileSync(path.join(here, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { id: string; domain?: string; style?: string[] });

describe('the generation corpus', () => {
  it.skipIf(!existsSync(scorer) && process.env.CI !== 'true')('matches its sources, and every gold annotation drawn as BPMN scores 1.0', () => {
    const run = spawnSync('python3', [path.join(here, 'build.py'), '--verify'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('holds at least 150 texts over all eleven domains, 60 of them with gold', () => {
    const texts = rows('texts.jsonl');
    const gold = rows('gold.jsonl');
    expect(texts.length).toBeGreaterThanOrEqual(150);
    expect(new Set(texts.map((t) => t.id)).size).toBe(texts.length);
    expect(new Set(texts.map((t) => t.domain)).size).toBe(11);
    expect(gold.length).toBeGreaterThanOrEqual(60);
    const ids = new Set(texts.map((t) => t.id));
    expect(gold.filter((g) => !ids.has(g.id))).toEqual([]);
  });
});
