// A kind of thing named after an opening "for" is the case its step is done in: "For urgent tickets, the desk calls
// the on-call engineer", "For international shipments the clerk prepares a customs declaration", "For video
// interviews, the recruiter sends a link". The step runs for those things only, so it gets a way that skips it.
// (The kind needs a describing word: "For payments, …" names no narrower case. The comma may be missing; then the
// case ends where the subject starts.)
import { TIME_UNITS } from './opening-verbs.ts';
import { NOT_KINDS_AFTER_FOR } from './lexicon.ts';
import type { Sentence } from './tokens.ts';


/** Where "For <describing words> <plural noun>" (or "For a <describing words> <noun>") ends (its next index), counting from the word after "for"; 0 when the sentence opens with no such kind. */
export function kindOpenedEnd(sentence: Sentence): number {
  if (sentence[0]?.lower !== 'for') return 0;
  // ("For an urgent repair, …", "For a new customer, …": one such thing, with its describing word, is a kind too — but
  // not "For an approved request", the way a decision before has already taken.)
  const one = ['a', 'an'].includes(sentence[1]?.lower ?? '') ? 1 : 0;
  let i = 1 + one;
  while (i < 5 + one && (['ADJ', 'NOUN', 'PROPN'].includes(sentence[i]?.pos ?? '') || (!one && sentence[i]?.pos === 'VERB' && /(ed|ing)$/.test(sentence[i]!.lower)))) i++;
  const head = sentence[i - 1];
  if (one && sentence.slice(2, i).some((t) => /ed$/.test(t.lower))) return 0;
  if (i < 3 + one || !head || head.pos !== 'NOUN' || !(one || /[^s]s$/.test(head.lower)) || NOT_KINDS_AFTER_FOR.has(head.lower) || TIME_UNITS.test(head.lower)) return 0;
  return i;
}

/** The clause after the kind: after its comma, or from the subject when the comma is missing; null when none follows. */
export function clauseAfterKind(sentence: Sentence, end: number): Sentence | null {
  const from = sentence[end]?.text === ',' ? end + 1 : ['DET', 'PRON', 'PROPN', 'NOUN'].includes(sentence[end]?.pos ?? '') ? end : -1;
  if (from < 0) return null;
  const rest = sentence.slice(from);
  return rest.some((t) => t.pos === 'VERB' || t.pos === 'AUX') ? rest : null;
}
