// Rework after a check goes back to the check: "the author corrects it and sends a new proof", "fixes the issues and
// resubmits", "if changes are needed, the designer revises the draft" — a loop to the step that examined the work,
// never a second copy of the chain after it, nor an end.
import { examines } from './nested-choice.ts';
import type { Phrase } from './phrase.ts';

/** Handing work in: done again in a branch, it goes back to the step that decided on it. */
export const HAND_IN_VERBS = new Set(['submit', 'send', 'push', 'upload', 'hand', 'file', 'present', 'lodge', 'deliver', 'resend']);

/** "a new proof", "the revised draft", "an updated version": work made again after a check. */
export const RENEWED = new Set(['new', 'another', 'fresh', 'revised', 'corrected', 'updated', 'amended', 'reworked', 'improved', 'fixed']);

/** Verbs that mend what a check found. */
export const MENDING = new Set(['revise', 'correct', 'fix', 'amend', 'rework', 'redo', 'rewrite', 'edit', 'adjust', 'modify', 'repair']);
/** "returns it for correction", "for revision": what the work is handed back for is its mending. */
export const MENDING_NOUNS = new Set(['correction', 'corrections', 'revision', 'revisions', 'rework', 'amendment', 'amendments', 'changes', 'completion', 'clarification', 'repair']);

/** What a check finds, as the object of mending ("fixes the issues"). */
const FINDINGS = new Set(['issue', 'error', 'mistake', 'defect', 'problem', 'change', 'comment', 'finding', 'remark', 'gap', 'flaw', 'bug', 'deficiency', 'discrepancy']);

/** "sends a new proof", "uploads the revised file": handing in work made again. */
export function handsInRenewed(base: string, object: Phrase | null): boolean {
  return HAND_IN_VERBS.has(base) && !!object?.words.some((w) => RENEWED.has(w.lower));
}

/**
 * "revises the draft" after "Review draft", "fixes the issues" after "Test build", "if the wording is unclear, the
 * agent rewrites it" after "Check policy": mending what the deciding step examined (the same thing, what the check
 * found, or what the condition found wanting), so the work is examined again.
 */
export function mendsChecked(base: string, object: Phrase | null, decidingLabel: string | undefined, wanting = ''): boolean {
  if (!MENDING.has(base) || !examines(decidingLabel)) return false;
  if (!object || object.head.pos === 'PRON') return true;
  const checked = decidingLabel!.toLowerCase().split(' ').slice(1);
  const wanted = wanting.toLowerCase().split(' ').at(-1);
  return checked.includes(object.head.lower) || FINDINGS.has(object.head.lemma) || [object.head.lower, object.head.lemma].includes(wanted ?? '');
}

/** "again", "once more", "one more time", "a second time", "anew": the step is done another time. */
export function saysAgain(tokens: { lower: string }[]): boolean {
  const said = ` ${tokens.map((t) => t.lower).join(' ')} `;
  return / (again|anew|once more|one more time|a second time) /.test(said);
}

// Verbs that say work was carried out: "the changes are made", "the corrections are done".
const CARRIED_OUT = new Set(['make', 'do', 'complete', 'finish', 'implement', 'apply', 'incorporate', 'address']);

/**
 * "Once the changes are made", "when the corrections are done", "once the errors are fixed": a time clause telling
 * that the mending is over. After a rework that went back to its check, it is that rework told again, no step.
 */
export function tellsMendingDone(base: string, subject: Phrase | null): boolean {
  if (MENDING.has(base)) return true;
  const head = subject?.head;
  return CARRIED_OUT.has(base) && !!head && (MENDING_NOUNS.has(head.lower) || FINDINGS.has(head.lemma));
}
