// A failure's way that mends and then does the failed thing again: "If the test fails, the operator recalibrates the
// scanner and runs the test again", "If any check fails, the developer fixes the code and runs the checks again", "If
// the reading is off, the nurse repeats the measurement". The thing done again is the one the condition says failed,
// so the way goes back to the step that decided the choice — never a new step "Test" and an end "Test failed".
import { LOOP_VERBS } from './lexicon.ts';
import { verbBase } from './labels.ts';
import type { Reading } from './reading.ts';
import { saysAgain } from './rework-loops.ts';
import type { Token } from './tokens.ts';

/** Conditions that say the thing did not come out right: "fails", "is invalid", "the counts differ". */
const FAILED = /\b(fails?|failed|failing|differs?|wrong|invalid|incorrect|inconclusive|unreadable|off|unsuccessful|errors?|not pass|does not pass|do not pass|not match|does not match|do not match)\b/;

const singular = (w: string) => w.replace(/(?<=[^s])s$/, '');

/**
 * Whether the clause does again what the branch's condition says failed ("runs the test again" under "if the test
 * fails"): the thing done again is the condition's subject.
 */
export function redoesFailed(r: Reading, tokens: Token[], condition: { subject: string; label?: string } | undefined): boolean {
  if (!condition?.label || !FAILED.test(condition.label) || !r.verb || r.negated) return false;
  const base = verbBase(r.verb);
  const again = saysAgain(tokens) || LOOP_VERBS.has(base) || /^re-?(run|do|test|try|check|measure)/.test(base);
  if (!again) return false;
  const thing = r.object && r.object.head.pos !== 'PRON' ? singular(r.object.head.lower) : '';
  const failed = singular(condition.subject.toLowerCase().split(' ').at(-1) ?? '');
  // ("… and tests it again": the verb names the thing when the object is only "it".)
  return !!failed && (thing === failed || (!thing && (base === failed || base === `re${failed}`)));
}
