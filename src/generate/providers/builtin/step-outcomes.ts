// "If that fails, the admin restores the backup", "If this does not work, the helpdesk escalates": a demonstrative with a verb of success or failure is the outcome of the step just drawn, not of a thing. The
// condition is named for that step ("restart server fails"), and what follows is the next attempt — a fallback that
// rejoins the work, not a refusal that ends it.
import type { Token } from './tokens.ts';

// ("If it fails" may mean a thing: "charges the card. If it fails" is the payment, which ends as a refusal does.)
const DEMONSTRATIVES = new Set(['that', 'this']);
/** Verbs that say whether an attempt worked: "fails", "does not work", "does not help", "succeeds". */
const OUTCOME_VERBS = new Set(['fail', 'work', 'help', 'succeed', 'solve', 'resolve', 'fix']);
const OUTCOME_STATES = new Set(['successful', 'unsuccessful', 'possible', 'impossible', 'enough', 'sufficient', 'insufficient']);

/**
 * The condition's label when its words (without "if") say how the step just drawn went: "that fails" after Restart
 * server → "restart server fails"; null when they are about something else ("it is a bug", "the payment fails").
 */
export function stepOutcomeLabel(bare: Token[], lastStep: string | undefined): string | null {
  const words = bare.filter((t) => t.pos !== 'PUNCT');
  if (!lastStep || !DEMONSTRATIVES.has(words[0]?.lower ?? '') || words.length > 5) return null;
  const rest = words.slice(1);
  // (The tagger may read "work" in "does not work" as a noun: the word decides.)
  const last = rest.at(-1);
  if (!last || !(OUTCOME_VERBS.has(last.lemma) || OUTCOME_VERBS.has(last.lower) || OUTCOME_STATES.has(last.lower))) return null;
  return `${lastStep.charAt(0).toLowerCase()}${lastStep.slice(1)} ${rest.filter((t) => t.lemma !== 'be').map((t) => (t.lower === "n't" ? 'not' : t.lower)).join(' ')}`;
}
