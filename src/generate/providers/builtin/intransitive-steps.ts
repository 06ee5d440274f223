// Steps told with a verb that needs no object, last in its sentence: "Passengers board.", "Then the guests depart.",
// "The committee deliberates and votes." The tagger reads the sentence's last word as a noun ("passengers board" as a
// kind of board), so the step is lost. After the one who acts, or after "and" following a verb, a last word English
// uses as a verb standing alone (a step in itself: board, depart, vote, deliberate) is that verb.
import { STANDALONE_VERBS } from './label-gate.ts';
import { INTRANSITIVE_VERBS } from './lexicon.ts';
import type { Token } from './tokens.ts';
import { thirdPersonBase } from './verb-lemma.ts';

const standsAlone = (base: string) => STANDALONE_VERBS.has(base) || INTRANSITIVE_VERBS.has(base);

/** Retags such a last word as the verb (in place). */
export function markLastIntransitive(tokens: Token[]): void {
  let end = tokens.length - 1;
  while (end >= 0 && tokens[end]!.pos === 'PUNCT') end--;
  const t = tokens[end];
  const before = tokens[end - 1];
  if (!t || !before || t.pos !== 'NOUN' || !/^[a-z]+$/.test(t.text)) return;
  const inS = /[^s]s$/.test(t.lower);
  const base = inS ? thirdPersonBase(t.lower) : t.lower;
  if (!standsAlone(base)) return;
  // "The committee deliberates and votes.": a twin of the verb before "and".
  const twin = before.lower === 'and' && inS && tokens.slice(0, end - 1).some((w) => w.pos === 'VERB' && /[^s]s$/.test(w.lower));
  // "Passengers board.", "Then the passengers board.": the plain form after a plural subject, the only verb there is;
  // "The guest departs.": the -s form after a singular one.
  const noVerb = !tokens.some((w) => w.pos === 'VERB' || w.pos === 'AUX');
  const subject = ['NOUN', 'PROPN'].includes(before.pos) && /s$/.test(before.lower) !== inS;
  if (!twin && !(noVerb && subject)) return;
  t.pos = 'VERB';
  t.lemma = base;
}
