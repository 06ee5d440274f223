// The way out of a negotiation loop ("negotiates the clauses with the supplier until they reach an agreement", "the
// two teams discuss the plan until they agree on a date", "haggles with the seller until they settle on a price"):
// "they" are the parties at the table, never the thing in hand, so the way out is named for what was reached —
// "Agreement reached", "Date agreed" — not "rent reach agreement".
import type { Token } from './tokens.ts';
import { verbBase } from './labels.ts';

/** Who may stand for the parties at the table. */
const PARTIES = new Set(['they', 'we', 'both', 'everyone', 'everybody', 'all']);
const AGREEING = new Set(['agree', 'settle', 'concur']);
const REACHING = new Set(['reach', 'find', 'strike', 'achieve', 'come']);
const AGREEMENTS = new Set(['agreement', 'deal', 'consensus', 'settlement', 'compromise', 'understanding']);

/** The way out of the loop, from the words after "until"; null when the subject is not the parties. */
export function agreedLabel(after: Token[]): string | null {
  const words = after.filter((t) => t.pos !== 'PUNCT');
  if (!PARTIES.has(words[0]?.lower ?? '')) return null;
  const verb = words.find((t) => t.pos === 'VERB' || AGREEING.has(t.lemma) || REACHING.has(t.lemma));
  if (!verb) return null;
  const base = verbBase(verb);
  const rest = words.slice(words.indexOf(verb) + 1).filter((t) => t.pos !== 'DET' && t.pos !== 'ADP' && t.lower !== 'to');
  const noun = rest.find((t) => t.pos === 'NOUN');
  if (REACHING.has(base) && noun && AGREEMENTS.has(noun.lemma)) return `${noun.lemma} reached`;
  if (!AGREEING.has(base)) return null;
  // ("agree on a price", "settle on the terms": what is agreed names the way out.)
  const on = words.findIndex((t, i) => i > words.indexOf(verb) && ['on', 'upon', 'about'].includes(t.lower));
  const what = on >= 0 ? words.slice(on + 1).filter((t) => t.pos !== 'DET' && !/^(their|its|the|a|an)$/.test(t.lower)).map((t) => t.lower) : [];
  return what.length ? `${what.join(' ')} agreed` : 'agreed';
}
