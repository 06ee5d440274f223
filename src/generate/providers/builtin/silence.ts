// Silence: "if he stays silent", "if they do nothing", "if the council makes no objection", "if they don't". After a
// time allowed for an answer ("has 10 days to object") such a condition says the answer did not come, so it is the
// allowance's missed path (a timer on the step), not a gateway of its own.
import { ACTION_NOUNS } from './relative-condition.ts';
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

/**
 * "If the supplier stays silent for a week" → "Wait for supplier to answer": the answer a timed silence waits on;
 * "if they say nothing within 3 days" → "Wait for answer". Null when the condition says no silence.
 */
export function silenceWait(tokens: Token[]): string | null {
  if (!saysSilence(tokens)) return null;
  const words = tokens.filter((t) => t.pos !== 'PUNCT');
  const verb = words.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX' || STAYING.has(lemmaOf(t)));
  const subject = words.slice(0, Math.max(verb, 0)).filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
  return subject.length ? `Wait for ${subject.map((t) => (t.pos === 'PROPN' ? t.text : t.lower)).join(' ')} to answer` : 'Wait for answer';
}

// "we assume acceptance", "consent is presumed", "the plan is deemed approval": taking an answer as given.
const ASSUMING = new Set(['assume', 'presume', 'deem']);

/**
 * "we assume acceptance" → "it is accepted": an answer taken as given is the action done on the thing in hand
 * ("Accept offer"), not an "Assume acceptance" step. Null for anything else.
 */
export function deemedOutcome(tokens: Token[]): Token[] | null {
  const words = tokens.filter((t) => t.pos !== 'PUNCT');
  const at = words.findIndex((t) => ASSUMING.has(lemmaOf(t)));
  const said = at >= 0 ? words.slice(at + 1).filter((t) => !/^(an?|the|its|their|that)$/.test(t.lower)) : [];
  const outcome = said.length === 1 ? ACTION_NOUNS[said[0]!.lower] : undefined;
  if (!outcome || at > 2) return null;
  // (Retagged in place: the verb trace knows the sentence's own tokens.)
  Object.assign(said[0]!, { text: outcome[0], lower: outcome[0], pos: 'VERB', lemma: outcome[1] });
  const it: Token = { text: 'it', lower: 'it', pos: 'PRON', lemma: 'it' };
  const is: Token = { text: 'is', lower: 'is', pos: 'AUX', lemma: 'be' };
  return [it, is, said[0]!];
}
