// Noun phrases: determiners dropped, head noun found, an "of …" complement kept apart.
import type { Token } from './tokens.ts';

export interface Phrase {
  /** Content words, determiners dropped. */
  words: Token[];
  head: Token;
  /** "of …" complement, kept apart so labels and actor names can choose. */
  of: Phrase | null;
  /** "the supplier's driver": how many words name the possessor, before the "'s". */
  owned?: number;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'our', 'his', 'her', 'my', 'your', 'some', 'any', 'each', 'every', 'all', 'another', 'both', 'either', 'such', 'which', 'whose', 'no']);
const PHRASE_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);

/** Reads a noun phrase starting at `from`; returns it and where it stopped. */
export function readPhrase(tokens: Token[], from: number): { phrase: Phrase | null; end: number } {
  let i = from;
  // "is informed either way", "in either case": how the step goes whatever came before, no thing.
  if (tokens[i]?.lower === 'either' && ['way', 'case', 'event'].includes(tokens[i + 1]?.lower ?? '')) return { phrase: null, end: from };
  while (i < tokens.length && (DETERMINERS.has(tokens[i]!.lower) || tokens[i]!.pos === 'DET' || (tokens[i]!.pos === 'ADV' && PHRASE_POS.has(tokens[i + 1]?.pos ?? '')))) i++;
  const words: Token[] = [];
  let owned = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const modifierVerb = t.pos === 'VERB' && /(ed|ing)$/.test(t.lower) && PHRASE_POS.has(tokens[i + 1]?.pos ?? '') && tokens[i + 1]?.pos !== 'NUM';
    const hyphenated = (t.text === '-' && words.length > 0) || (t.text === '%' && words.at(-1)?.pos === 'NUM');
    // "books the coach three weeks before": a number after the noun starts a time of its own.
    if (t.pos === 'NUM' && words.some((w) => w.pos === 'NOUN') && /^(minute|hour|day|week|month|year)s?$/.test(tokens[i + 1]?.lower ?? '')) break;
    if (PHRASE_POS.has(t.pos) || modifierVerb || hyphenated || (t.text === "'s" && words.length) || (t.text === '’' && tokens[i + 1]?.lower === 's')) {
      if (t.text !== '’' && t.text !== "'s" && t.lower !== 's') words.push(t);
      else if (t.text === "'s" || t.text === '’') owned = words.length;
      i++;
      continue;
    }
    if (t.lower === 's' && tokens[i - 1]?.text === '’') {
      i++;
      continue;
    }
    break;
  }
  const nouns = words.filter((w) => w.pos === 'NOUN' || w.pos === 'PROPN');
  // "an alert should be sent": the tagger's adjective is the noun when a verb follows at once.
  const last = words[words.length - 1];
  if (!nouns.length && last?.pos === 'ADJ' && words.length === 1 && isVerbish(tokens[i]) && i > from) nouns.push(last);
  // "activates the new one", "keeps the damaged ones": "one(s)" after a describing word stands for a noun.
  if (!nouns.length && last && /^ones?$/.test(last.lower) && words.at(-2)?.pos === 'ADJ') nouns.push(last);
  if (!nouns.length) return { phrase: null, end: from };
  // The head is the last noun; trailing adjectives after it belong to something else.
  const headAt = words.lastIndexOf(nouns[nouns.length - 1]!);
  const kept = words.slice(0, headAt + 1);
  let of: Phrase | null = null;
  let end = i;
  if (tokens[i]?.lower === 'of') {
    const inner = readPhrase(tokens, i + 1);
    if (inner.phrase) {
      of = inner.phrase;
      end = inner.end;
    }
  }
  const phrase: Phrase = { words: kept, head: kept[kept.length - 1]!, of };
  if (owned && owned < kept.length) phrase.owned = owned;
  return { phrase, end };
}

export function isVerbish(t: Token | undefined): boolean {
  return !!t && (t.pos === 'VERB' || t.pos === 'AUX');
}

