// Rework after a check goes back to the check: "the author corrects it and sends a new proof", "fixes the issues and
// resubmits", "if changes are needed, the designer revises the draft" — a loop to the step that examined the work,
// never a second copy of the chain after it, nor an end.
import { examines } from './nested-choice.ts';
import type { Phrase } from './phrase.ts';
import { singular } from './process-name.ts';

/** Handing work in: done again in a branch, it goes back to the step that decided on it. */
export const HAND_IN_VERBS = new Set(['submit', 'send', 'push', 'upload', 'hand', 'file', 'present', 'lodge', 'deliver', 'resend']);

/** "a new proof", "the revised draft", "an updated version": work made again after a check. */
const RENEWED = new Set(['new', 'another', 'fresh', 'revised', 'corrected', 'updated', 'amended', 'reworked', 'improved', 'fixed']);

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

/** Nouns of a check a step runs: "Run tests", "Perform inspection", "Carry out audit". */
const CHECK_NOUNS = new Set(['test', 'check', 'inspection', 'review', 'audit', 'assessment', 'analysis', 'scan', 'validation', 'verification', 'examination', 'evaluation', 'reconciliation', 'trial', 'measurement', 'control']);

/** Whether a step checks work: its verb examines ("Review draft") or it runs a check ("Run tests", "Perform audit"). */
export function checksWork(label: string): boolean {
  const words = label.toLowerCase().split(' ');
  return examines(label) || CHECK_VERBS.has(words[0]!) || (words.length > 1 && CHECK_NOUNS.has(words.at(-1)!.replace(/(?<!s)s$/, '')));
}
/** Verbs of checking beyond examining: "Reconcile accounts", "Proofread brochure". */
const CHECK_VERBS = new Set(['reconcile', 'proofread', 'scan', 'calibrate', 'trial']);

/** What a check finds wrong, said in a condition: "if the frame has defects", "if the sample is contaminated". */
const FOUND_WRONG = /\b(defects?|errors?|mistakes?|issues?|problems?|faults?|faulty|flaws?|bugs?|discrepanc(y|ies)|deviations?|damaged?|broken|contaminated|cracks?|leaks?|deficienc(y|ies)|findings?|comments?|remarks?)\b/;

/** Whether a way's condition says the check failed: adverse ("fails", "do not match") or naming what it found wrong. */
export function failedCheck(condition: string | undefined, adverse: boolean): boolean {
  return adverse || FOUND_WRONG.test((condition ?? '').toLowerCase());
}

/** Repairs beyond mending the thing checked: "updates the ledger", "rectifies the entry". */
const REPAIRING = new Set([...MENDING, 'update', 'rectify']);
/** Making up what a check found missing: "completes the missing fields", "adds the missing receipts". */
const SUPPLYING = new Set(['complete', 'add', 'fill', 'supply', 'provide', 'attach', 'enter', 'include']);

/**
 * "If some tests fail, the developer fixes the code", "If the balances differ, the accountant updates the ledger",
 * "If the file is incomplete, the clerk completes the missing fields": a repair on a way where a check failed mends
 * what the check found wanting, whatever it names, so the work goes back to that check (`checks`: the labels of the
 * steps that decided).
 */
export function repairsFailedCheck(base: string, tokens: { lower: string }[], checks: string[], failed: boolean): boolean {
  if (!failed || !checks.some(checksWork)) return false;
  return REPAIRING.has(base) || (SUPPLYING.has(base) && tokens.some((t) => t.lower === 'missing'));
}

/** Getting a thing, one verb as good as another: "takes a sample" then "draws another sample". */
const GETTING = new Set(['draw', 'take', 'collect', 'obtain', 'get', 'fetch', 'pick']);
/** A thing made or got anew: "another sample", "a new sample", "a fresh batch". */
const ANEW = new Set(['another', 'new', 'fresh', 'replacement']);

/**
 * "If the sample is contaminated, the technician draws another sample", "If the weld cracks, the welder makes a new
 * weld": on a way where a check failed, doing an earlier step again on the same kind of thing made or got anew is that
 * step repeated — the way goes back to it (same verb, or two getting verbs), never a second copy and an end.
 * `tokens` are the clause's (the determiner "another" is not among the object's words).
 */
export function renewedStep<T extends { label: string }>(base: string, object: Phrase | null, tokens: { lower: string }[], steps: T[], failed: boolean): T | undefined {
  if (!failed || !object || object.head.pos === 'PRON' || HAND_IN_VERBS.has(base)) return undefined;
  const at = tokens.findIndex((t) => t.lower === object.head.lower);
  const before = tokens.slice(Math.max(0, at - 4), at).map((t) => t.lower);
  if (!before.some((w) => ANEW.has(w)) && !object.words.some((w) => ANEW.has(w.lower))) return undefined;
  const thing = singular(object.head.lower);
  const sameVerb = (verb: string) => verb === base || (GETTING.has(verb) && GETTING.has(base));
  return [...steps].reverse().find((s) => {
    const [verb = '', ...rest] = s.label.toLowerCase().split(' ');
    return sameVerb(verb) && rest.map(singular).includes(thing);
  });
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
