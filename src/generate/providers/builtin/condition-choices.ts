// Which choice a condition belongs to. "If it is complete, the clerk forwards it. If the applicant is a minor, the
// clerk asks for consent.": the first choice was about a thing ("it"); a condition on what a person is asks a new
// question — a choice of its own after the first one joins, not a third way of it. (A party doing something — "if
// the manager rejects it", "if a warehouse has the part" — may well answer the question asked, and stays a way of
// that choice.) "If yes, the DBA checks the migration. If no, …" and "If the risk is medium, an officer reviews the
// file. If the risk is low, …": the same question answered again, even after a checking step inside the branch.
import { namesSomeone } from './agents.ts';
import type { Reading } from './reading.ts';

/** Whether a condition (its reading) leaves the open choice, whose last condition was about `lastSubject`. */
export function asksNewQuestion(reading: Reading, lastSubject: string | undefined): boolean {
  const subject = reading.subject;
  return lastSubject === 'it' && reading.copula && !reading.negated && !!subject && subject.head.pos !== 'PRON' && namesSomeone(subject);
}

/** Whether a bare answer ("no") is the other answer to the question whose last way was `lastLabel` ("yes"). */
export function answersAgain(label: string, lastLabel: string | undefined): boolean {
  const answers = [label, lastLabel ?? ''].sort().join(' ');
  return answers === 'no yes';
}

/** Whether a condition on `subject` with `label` asks again what the open choice's last condition (`last`) asked. */
export function asksAgain(label: string, subject: string, last: { subject: string; label?: string } | undefined): boolean {
  return answersAgain(label, last?.label) || (subject !== '' && subject !== 'it' && subject === last?.subject);
}
