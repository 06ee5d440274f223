// A plural noun paired with the object before it that the tagger read as a verb: "checks the dashboards and logs",
// "files the invoices and receipts". A verb there would need an object of its own ("logs them"), so with nothing after
// it but the sentence's end (or "of"/"from"/"for" naming whose), the word is the second thing checked; verbs that
// stand alone ("reviews the invoices and signs.", "reads the reports and decides.") are verbs there, whatever the tag.
import { INTRANSITIVE_VERBS } from './lexicon.ts';
import { STANDALONE_VERBS } from './label-gate.ts';
import type { Token } from './tokens.ts';
import { thirdPersonBase } from './verb-lemma.ts';

// Prepositions that may follow a pair of things: "the logs and metrics of the cluster", "from the night shift".
const AFTER_THINGS = new Set(['of', 'from', 'for']);

// Verbs standing alone whose plural is as often a thing in hand: "checks the figures and reports".
const THINGS_TOO = new Set(['report', 'order', 'check', 'test', 'review', 'plan', 'book', 'board', 'train', 'pack', 'rest', 'invoice', 'ship', 'register']);

/** Retags such words as nouns, and standing-alone verbs there as verbs (in place). */
export function pairedNouns(tokens: Token[]): Token[] {
  tokens.forEach((t, i) => {
    if (!['VERB', 'NOUN'].includes(t.pos) || !/[^s]s$/.test(t.lower) || tokens[i - 1]?.lower !== 'and') return;
    const next = tokens[i + 1];
    if (next && next.pos !== 'PUNCT' && !AFTER_THINGS.has(next.lower)) return;
    const base = thirdPersonBase(t.lower);
    const alone = (STANDALONE_VERBS.has(base) && !THINGS_TOO.has(base)) || INTRANSITIVE_VERBS.has(base);
    if (alone === (t.pos === 'VERB')) return;
    if (alone && next && next.pos !== 'PUNCT') return;
    // The word before "and" ends a plural object: a verb, an article, describing words, the plural noun.
    let k = i - 2;
    if (tokens[k]?.pos !== 'NOUN' || !/[^s]s$/.test(tokens[k]!.lower)) return;
    while (['NOUN', 'ADJ'].includes(tokens[k - 1]?.pos ?? '')) k--;
    if (tokens[k - 1]?.pos !== 'DET' || tokens[k - 2]?.pos !== 'VERB') return;
    t.pos = alone ? 'VERB' : 'NOUN';
    t.lemma = base;
  });
  return tokens;
}
