// A rule that restates a step with its time limit: "The controller approves the refund. … Any refund has to be
// approved within 48 hours." or "All complaints must be answered within five working days." after "sends the
// response" is the limit on the step told before, not a new step at the end: the earlier step carries it.
import type { ModelNode } from '../../model.ts';
import { ANSWERING_VERBS, ANSWER_WORDS } from './lexicon.ts';
import type { Reading } from './reading.ts';
import type { Token } from './tokens.ts';

// "must", "has to", "shall", "should", "needs to": the sentence states a rule.
const OBLIGED = / (must|shall|should|has to|have to|needs to|need to|is to|are to) /;

const singular = (w: string) => w.toLowerCase().replace(/ies$/, 'y').replace(/(ch|sh|x|ss)es$/, '$1').replace(/([^s])s$/, '$1');

/**
 * The step told before that a deadline rule restates: the same verb on the same thing ("Any refund has to be
 * approved" → "Approve refund"), or an answer for "answered" ("Send response"); null when none fits.
 */
export function restatedStep(tokens: Token[], r: Reading, steps: ModelNode[]): ModelNode | null {
  if (!r.verb || !OBLIGED.test(` ${tokens.map((t) => t.lower).join(' ')} `)) return null;
  // The thing the rule is about: the passive's subject ("any refund"), the active's object ("must answer all complaints").
  const thing = r.passive ? r.subject : r.object;
  if (!thing || thing.head.pos === 'PRON') return null;
  const verb = r.verb.lemma.toLowerCase();
  const head = singular(thing.head.lower);
  for (const step of [...steps].reverse()) {
    const [first = '', ...rest] = step.label.toLowerCase().split(' ');
    const words = rest.map(singular);
    if (first === verb && words.includes(head)) return step;
    // ("answered" after "Send response", "Draft reply": the answer is the step's thing.)
    if (ANSWERING_VERBS.has(verb) && words.some((w) => ANSWER_WORDS.has(w))) return step;
  }
  return null;
}
