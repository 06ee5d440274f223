// "Sales and finance review the offer" is a review by each, side by side; "the buyer and the seller negotiate the
// price" or "the MPON and the MPOO perform the acquisition" is one piece of work done together.
import { LIGHT_VERBS } from './lexicon.ts';
import type { Reading } from './reading.ts';
import { verbBase } from './labels.ts';

// Verbs whose subjects act with each other, never each on their own.
const RECIPROCAL_VERBS = new Set(['meet', 'agree', 'discuss', 'negotiate', 'talk', 'collaborate', 'cooperate', 'confer', 'consult', 'liaise', 'coordinate', 'settle', 'shake']);
const TOGETHER = /\b(together|jointly|with each other|with one another|between them)\b/i;

/** Whether coordinated subjects do the clause's step together, as one task, rather than each its own. */
export function doneTogether(r: Reading, text: string): boolean {
  if (!r.verb) return true;
  const base = verbBase(r.verb);
  return LIGHT_VERBS.has(base) || RECIPROCAL_VERBS.has(base) || TOGETHER.test(text);
}
