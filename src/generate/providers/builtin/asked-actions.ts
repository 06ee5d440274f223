// Asking to do something: "the tenant asks to sublet", "applies to extend". The step is the request, named by what is
// asked for ("Request sublet", "Request extension"), read as "requests a sublet" — not a bare "Ask" that names nothing.
// A formal application keeps its object after "of" ("applies to extend the loan" → "Request extension of loan"); an
// informal "asks to cancel the order" keeps its infinitive (infinitive-complements.ts: "Ask to cancel order"), so
// that "it" after it still means the order, not "the cancellation".
import { ACTION_NOUNS } from './relative-condition.ts';
import type { Token } from './tokens.ts';

// Verbs the same as their noun ("a sublet", "a transfer", "a refund").
const SAME_NOUN = new Set(['sublet', 'transfer', 'return', 'refund', 'exchange', 'change', 'review', 'visit', 'repair', 'upgrade', 'extend', 'release', 'delay', 'appeal', 'rebook']);
// Nouns by suffix where the lexicon has none: "extend" → "extension", "modify" → "modification".
const NOUN_OF: Record<string, string> = { extend: 'extension', modify: 'modification', terminate: 'termination', register: 'registration', pay: 'payment', defer: 'deferral', postpone: 'postponement', transfer: 'transfer', withdraw: 'withdrawal', cancel: 'cancellation', renew: 'renewal' };
const BY_LEMMA = new Map(Object.entries(ACTION_NOUNS).map(([noun, [, lemma]]) => [lemma, noun]));
const ASKING = new Set(['ask', 'apply', 'request']);

/** The noun for the action a verb names, or null when none is known. */
export function actionNoun(lemma: string): string | null {
  return NOUN_OF[lemma] ?? BY_LEMMA.get(lemma) ?? (SAME_NOUN.has(lemma) ? lemma : null);
}

const w = (text: string, pos: string, lemma = text): Token => ({ text, lower: text, pos, lemma });

/** "X asks to sublet" → "X requests the sublet"; null when the clause asks nothing, or asks to do something to a thing. */
export function askedAction(tokens: Token[]): Token[] | null {
  const ask = tokens.findIndex((t) => t.pos === 'VERB' && ASKING.has(t.lemma.toLowerCase()));
  // ("The manager is asked to approve": asked of someone, not a request of their own.)
  if (ask < 1 || tokens[ask + 1]?.lower !== 'to' || tokens.slice(0, ask).some((t) => t.pos === 'AUX' && t.lemma === 'be')) return null;
  const verb = tokens[ask + 2];
  const noun = verb && (verb.pos === 'VERB' || verb.pos === 'NOUN') ? actionNoun(verb.lemma.toLowerCase()) : null;
  if (!verb || !noun) return null;
  const after = tokens.slice(ask + 3);
  const object = after[0] && ['DET', 'NOUN', 'PROPN', 'ADJ'].includes(after[0].pos);
  if (object && tokens[ask]!.lemma.toLowerCase() === 'ask') return null;
  // (Retagged in place: the verb trace knows the sentence's own tokens.)
  const requests = Object.assign(tokens[ask]!, { text: 'requests', lower: 'requests', pos: 'VERB', lemma: 'request' });
  return [...tokens.slice(0, ask), requests, w('the', 'DET'), w(noun, 'NOUN'), ...(object ? [w('of', 'ADP')] : []), ...after];
}
