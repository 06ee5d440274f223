// Silence: "if he stays silent", "if they do nothing", "if the council makes no objection", "if they don't". After a
// time allowed for an answer ("has 10 days to object") such a condition says the answer did not come, so it is the
// allowance's missed path (a timer on the step), not a gateway of its own.
import type { Token } from './tokens.ts';

// "stays silent", "remains quiet", "keeps silent".
const STAYING = new Set(['stay', 'remain', 'keep', 'be', 'go']);
const QUIET = new Set(['silent', 'quiet', 'passive', 'inactive']);
// "says nothing", "does nothing", "hears nothing".
const NOTHING_VERBS = new Set(['say', 'do', 'hear', 'send', 'reply', 'answer', 'respond', 'object', 'raise', 'file', 'lodge', 'submit', 'return']);
// "makes no objection", "raises no concerns", "takes no action", "gives no answer", "lets the deadline pass".
const NO_VERBS = new Set(['make', 'raise', 'take', 'give', 'lodge', 'file', 'submit', 'send', 'voice', 'express', 'have']);

const lemmaOf = (t: Token) => (t.pos === 'VERB' || t.pos === 'AUX' ? t.lemma.toLowerCase() : t.lower.replace(/(ies)$/, 'y').replace(/s$/, ''));

/** Whether a condition says that someone gave no answer and did nothing, without naming what they did not do. */
export function saysSilence(tokens: Token[]): boolean {
  const words = tokens.filter((t) => t.pos !== 'PUNCT' && !/^(if|when|should|then|and|but|simply|just|however)$/.test(t.lower));
  const lemmas = words.map(lemmaOf);
  for (let i = 0; i < words.length; i++) {
    const next = words[i + 1]?.lower ?? '';
    // "stays silent", "remains quiet" (the tagger may take "stays" for a noun).
    if (STAYING.has(lemmas[i]!) && QUIET.has(next)) return true;
    // "says nothing", "does nothing at all".
    if (NOTHING_VERBS.has(lemmas[i]!) && next === 'nothing') return true;
    // "makes no objection", "takes no action", "gives no answer".
    if (NO_VERBS.has(lemmas[i]!) && next === 'no' && words[i + 2]) return true;
  }
  // "if they don't", "if he does not", "if not": the step before is left undone.
  const rest = words.filter((t) => !/^(they|he|she|it|we|you|the|this|that)$/.test(t.lower) && !(t.pos === 'NOUN' || t.pos === 'PROPN'));
  return rest.length > 0 && rest.length <= 2 && rest.every((t) => /^(do|does|did|not|n't|don't|doesn't|didn't)$/.test(t.lower)) && rest.some((t) => /not|n't/.test(t.lower));
}
