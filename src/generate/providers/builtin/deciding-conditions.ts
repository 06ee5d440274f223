// "If the manager approves, the order is placed; otherwise …": a decision told only as the condition of a choice is
// still someone's step. The decider's task ("Approve order" in the manager's lane) comes before the gateway that
// asks for its outcome — unless the text already gave that party a deciding or checking step to branch on.
import { examines } from './nested-choice.ts';
import { verbBase } from './labels.ts';
import type { Reading } from './reading.ts';
import type { ModelNode } from '../../model.ts';

/**
 * Verbs whose doer gives consent: "if the manager approves" asks for the outcome of an approval step. (A refusal in
 * the condition — "if the council rejects it" — names one outcome of a decision the text draws elsewhere. "If the
 * reviewer agrees", "if both consent": agreement is what the review or talks before came to, not a step of its own.)
 */
const CONSENTING = new Set(['approve', 'accept', 'authorise', 'authorize', 'endorse', 'sanction', 'sign', 'grant']);
/** Steps that already decide: the choice branches on them. */
const DECIDING = new Set([...CONSENTING, 'agree', 'consent', 'reject', 'decline', 'refuse', 'deny', 'vote', 'decide', 'rule', 'judge']);

/** "the manager approves", "the director signs off": a named party's decision (not "it is approved", not "he signs the form"). */
export function decidesInCondition(reading: Reading): boolean {
  const verb = reading.verb ? verbBase(reading.verb) : '';
  if (!CONSENTING.has(verb) || reading.passive || !reading.subject || reading.subject.head.pos === 'PRON') return false;
  // "signs the contract" is work done; "signs off" is a decision.
  return verb !== 'sign' || reading.particle?.lower === 'off' || !reading.object;
}

/** The party already has a deciding step, or its last step checks the work: the choice branches on that step. */
export function decisionDrawn(actorId: string, earlier: ModelNode[]): boolean {
  const theirs = earlier.filter((n) => n.kind === 'task' && n.actor === actorId);
  return theirs.some((n) => DECIDING.has(n.label.split(' ')[0]!.toLowerCase())) || examines(theirs.at(-1)?.label);
}
