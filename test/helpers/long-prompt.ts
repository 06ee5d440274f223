// The longest prompt the API accepts, made of the generator's fixture descriptions: seconds of work in the
// generation worker, for tests that need something to overlap with it.
import fs from 'node:fs';
import path from 'node:path';
import { MAX_PROMPT_CHARS } from '../../src/generate/generate.ts';

const FIXTURES = path.join(import.meta.dirname, '../generate/fixtures');

export function longestPrompt(): string {
  const texts = fs.readdirSync(FIXTURES).sort().map((file) => fs.readFileSync(path.join(FIXTURES, file), 'utf8').trim());
  let text = '';
  for (let i = 0; text.length < MAX_PROMPT_CHARS; i++) text += `${texts[i % texts.length]}\n`;
  return text.slice(0, MAX_PROMPT_CHARS);
}
