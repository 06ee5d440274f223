// Cases that leave out what the first condition said: "If the score is above 80 the student passes; between 50 and 80
// they resit; below 50 they repeat the year", "If the risk is high, the loan is declined; medium, an officer reviews
// it". Each later part is the same condition with another value, so the sentence is read as one "If …" sentence per
// case — the ways of one choice — instead of one branch holding the later cases as steps.
import { canBeVerb, type Sentence, type Token, IF } from './tokens.ts';
import { thirdPersonBase } from './verb-lemma.ts';

const OTHERWISE = /^(otherwise|else)$/;
/** Words that open a value compared with the one before: "below 50", "between 4 and 10", "at least 3", "over $500". */
const RANGE_WORDS = /^(between|below|above|under|over|beyond|from|at|less|more|fewer|exactly|up|equal|higher|lower|greater|within)$/;

/** The sentence as one "If …" sentence per case, or null when its later parts leave out no condition. */
export function elidedConditions(sentence: Sentence): Sentence[] | null {
  if (sentence[0]?.lower !== 'if') return null;
  // "If the score is …": the subject up to the copula is what every case is about.
  const copula = sentence.findIndex((t, i) => i > 1 && i < 7 && t.pos === 'AUX' && t.lemma === 'be');
  if (copula < 0) return null;
  const end = sentence.at(-1)?.pos === 'PUNCT' && sentence.at(-1)!.text !== ';' ? [sentence.at(-1)!] : [];
  const body = end.length ? sentence.slice(0, -1) : sentence;
  const parts: Token[][] = [[]];
  for (const t of body) {
    if (t.text === ';') parts.push([]);
    else parts.at(-1)!.push(t);
  }
  const later = parts.slice(1);
  if (!later.length || !later.every((p) => elided(p) || OTHERWISE.test(p[0]?.lower ?? ''))) return null;
  if (!later.some(elided)) return null;
  const about = sentence.slice(1, copula + 1).map((t) => ({ ...t, first: false }));
  const capital = (p: Token[]) => [{ ...p[0]!, text: p[0]!.text.charAt(0).toUpperCase() + p[0]!.text.slice(1), first: true }, ...p.slice(1)];
  return parts.map((p, k) => (k && elided(p) ? [IF, ...about, ...p, ...end] : [...(k ? capital(p) : p), ...end]));
}

/** "between 50 and 80 they resit", "medium, an officer reviews it": a value and what happens then, with a verb. */
function elided(part: Token[]): boolean {
  const first = part[0];
  if (!first) return false;
  const valued = RANGE_WORDS.test(first.lower) || first.pos === 'NUM' || (part[1]?.text === ',' && ['ADJ', 'NOUN'].includes(first.pos));
  if (!valued) return false;
  if (part.some((t, i) => i > 0 && t.pos === 'VERB')) return true;
  // "the candidate passes": the tagger may take the -s form after the subject for a plural noun.
  // (Retagged in place: the verb trace knows the sentence's own tokens.)
  const verb = part.find((t, i) => i > 1 && t.pos === 'NOUN' && part[i - 1]!.pos === 'NOUN' && /[^s]s$/.test(t.lower) && canBeVerb(thirdPersonBase(t.lower)));
  if (verb) Object.assign(verb, { pos: 'VERB', lemma: thirdPersonBase(verb.lower) });
  return !!verb;
}
