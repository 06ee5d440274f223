// A deadline met: "The customer has 24 hours to pay. If the payment arrives, the shop ships the order. If not, …" —
// the step done in time is the way straight on, and only the "if not" is a choice: the timer's path.
import { ANSWER_NOUNS } from './deadlines.ts';
import type { Token } from './tokens.ts';

// Verbs that say the awaited thing came: "the payment arrives", "the form is received", "the signature comes in".
const COMING = new Set(['arrive', 'come', 'receive', 'reach', 'land']);
const NEGATIONS = /^(not|n't|no|nothing|nobody|never|none|fails?|failed)$/;

/**
 * Whether a condition says the deadline's step was done: its verb ("if the customer pays", "if it is signed", "if
 * paid"), or the answer or thing it gives arriving ("if the payment arrives", "if the receipts are received").
 */
export function meetsStep(tokens: Token[], stepLabel: string): boolean {
  const verb = stepLabel.split(' ')[0]!.toLowerCase();
  if (tokens.some((t) => NEGATIONS.test(t.lower) || t.lower === 'or')) return false;
  const verbs = tokens.filter((t) => t.pos === 'VERB');
  if (verbs.some((t) => t.lemma.toLowerCase() === verb)) return true;
  // ("Send receipts": the receipts arriving; "Pay": the payment.)
  const things = new Set([ANSWER_NOUNS[verb], ...stepLabel.toLowerCase().split(' ').slice(1).map((w) => w.replace(/s$/, ''))]);
  // ("Wait for appeal": the parents appealing; "Wait for client to object": the client objecting.)
  // (The tagger reads a closing "the parents appeal" as two nouns.)
  const last = tokens.filter((t) => t.pos !== 'PUNCT').at(-1);
  const done = last?.pos === 'NOUN' && ['NOUN', 'PROPN', 'PRON'].includes(tokens.at(tokens.indexOf(last) - 1)?.pos ?? '') ? [...verbs, last] : verbs;
  if (verb === 'wait' && done.some((t) => things.has(t.lemma.toLowerCase()) || things.has(ANSWER_NOUNS[t.lemma.toLowerCase()] ?? ''))) return true;
  return tokens.some((t) => t.pos === 'NOUN' && things.has(t.lower.replace(/s$/, ''))) && verbs.some((t) => COMING.has(t.lemma.toLowerCase()));
}
