// "If stock is low, she orders more", "orders some more", "requests further ones": "more" alone stands for more of
// the thing in hand, and the label names it ("Order more stock"), never a bare "Order more".
import type { Phrase } from './phrase.ts';

const MORE = new Set(['more', 'extra', 'additional', 'further']);
const BARE = new Set(['some', 'any', 'a', 'few', 'little', 'ones', 'one', 'lot', 'much', 'many']);

/**
 * The object "more" (with at most "some", "a few", "ones") read as "more" + the thing in hand; anything else as it is.
 * `labels` are the steps drawn so far, to say "more samples" when "Receive samples" came before "a sample".
 */
export function moreOf(p: Phrase | null, inHand: Phrase | null, labels: string[] = []): Phrase | null {
  if (!p || !inHand || p.of || inHand.head.pos === 'PRON') return p;
  const more = p.words.find((w) => MORE.has(w.lower));
  if (!more || !p.words.every((w) => w === more || BARE.has(w.lower) || w.pos === 'DET')) return p;
  // ("orders more" after "checks the stock levels": more stock, the thing without its describing words.)
  const thing = inHand.words.filter((w) => w.pos === 'NOUN' || w.pos === 'PROPN');
  if (!thing.length || thing.some((w) => MORE.has(w.lower))) return p;
  // ("If a sample is damaged, the lab requests more": more of a thing counted one by one is a plural, "more samples".)
  const singular = inHand.head.lower === inHand.head.lemma.toLowerCase();
  const many = pluralOf(inHand.head.lower);
  const counted = singular && (inHand.words.some((w) => ONE.has(w.lower)) || labels.some((l) => l.split(' ').includes(many)));
  const head = counted ? { ...inHand.head, text: pluralOf(inHand.head.text), lower: many } : inHand.head;
  return { words: [{ ...more, pos: 'ADJ' }, ...thing.map((w) => (w === inHand.head ? head : w))], head, of: null };
}

const ONE = new Set(['a', 'an', 'each', 'every', 'one']);

function pluralOf(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return /(s|x|z|ch|sh)$/.test(noun) ? `${noun}es` : `${noun}s`;
}
