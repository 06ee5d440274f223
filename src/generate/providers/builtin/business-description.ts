// "A small company manufactures customized bicycles", "We deliver furniture to private customers": an opening line
// that says what a business does in general — a trade verb with goods or clients in the bare plural or as a mass
// noun — is background, not the first step. ("We receive the order" and "we deliver the goods" still are steps.)
import type { Reading } from './reading.ts';
import type { Token } from './tokens.ts';

/** Verbs of a trade: what a business does for its clients. */
const TRADE_VERBS = new Set([
  'manufacture', 'make', 'produce', 'sell', 'deliver', 'offer', 'provide', 'build', 'repair', 'design', 'rent', 'supply',
  'distribute', 'develop', 'import', 'export', 'install', 'insure', 'lend', 'teach', 'treat', 'operate', 'serve', 'run',
]);

/** Whether a clause read before any step describes the business rather than a step of the process. */
export function describesBusiness(r: Reading, tokens: Token[]): boolean {
  if (!r.verb || r.passive || r.negated || !r.object || !TRADE_VERBS.has(r.verb.lemma)) return false;
  const at = (w: Token | undefined) => (w ? tokens.indexOf(w) : -1);
  const verbAt = at(r.verb);
  // Simple present only: "we are moving the data", "we will deliver it" speak of this case.
  if (tokens.slice(0, verbAt).some((t) => t.pos === 'AUX' || t.pos === 'PART')) return false;
  const narrator = r.subjectPronoun === 'we' || r.subjectPronoun === 'i';
  const indefinite = !!r.subject && ['a', 'an'].includes(tokens[at(r.subject.words[0]) - 1]?.lower ?? '');
  if (!narrator && !indefinite) return false;
  // "customized bicycles", "furniture": no determiner before the goods (a bare plural or a mass noun).
  const before = tokens[at(r.object.words[0]) - 1];
  const bare = before === r.verb || (!!before && before.pos !== 'DET' && before.pos !== 'PRON' && before.pos !== 'NUM');
  return bare && r.object.head.pos === 'NOUN' && !r.object.words.some((w) => w.pos === 'DET' || w.pos === 'NUM');
}
