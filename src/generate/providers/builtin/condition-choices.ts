// Which choice a condition belongs to. "If it is complete, the clerk forwards it. If the applicant is a minor, the
// clerk asks for consent.": the first choice was about a thing ("it"); a condition on what a person is asks a new
// question — a choice of its own after the first one joins, not a third way of it. (A party doing something — "if
// the manager rejects it", "if a warehouse has the part" — may well answer the question asked, and stays a way of
// that choice.) "If yes, the DBA checks the migration. If no, …" and "If the risk is medium, an officer reviews the
// file. If the risk is low, …": the same question answered again, even after a checking step inside the branch.
import { namesSomeone } from './agents.ts';
import { answersCase, type CaseSaid } from './other-ways.ts';
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

/**
 * "If the student passed, … If the student failed, … If the student asked for feedback, …": once two ways answer each
 * other (passed / failed, complete / not complete), a third case on the same thing that does not answer both asks a
 * new question, after the first choice joins ("If the risk is low … high … medium" answers both: one choice).
 */
export function asksBeyondPair(ways: Array<{ subject: string; negated: boolean; label?: string }>, now: CaseSaid): boolean {
  if (ways.length < 2 || !now.subject || now.subject === 'it') return false;
  const same = ways.filter((w) => w.subject.toLowerCase() === now.subject.toLowerCase());
  const paired = same.some((a, i) => same.some((b, j) => j > i && answersCase(a, { subject: b.subject, negated: b.negated, label: (b.label ?? '').toLowerCase() })));
  return paired && !same.every((w) => answersCase(w, now));
}

/**
 * "… checks whether the candidate needs a work permit. If so, HR applies for a visa. If the candidate lives abroad, …":
 * a question asked with "whether" has two answers, yes and no; a case on something else it did not ask (no word of
 * the question but its subject) asks a new one, after the first joins. ("If the candidate does not need one" is the no.)
 */
export function leavesYesNo(asked: string | null, ways: Array<{ label?: string }>, label: string, negated: boolean): boolean {
  // (Only once the question was answered: "Applicants who qualify …" may still spell out its yes.)
  if (!asked || negated || ways.length < 2 || !ways.some((w) => w.label === asked)) return false;
  const words = (l: string) => l.toLowerCase().split(' ').filter((w) => w.length > 2).map((w) => w.replace(/(?<!s)s$/, ''));
  const [said, now] = [words(asked), words(label)];
  // ("If the fee is unpaid" after "whether the student has paid the fee": a word's negative answers too.)
  const shared = (w: string) => said.includes(w) || said.includes(w.replace(/^(?:un|in|im|il|ir|dis|non-?)/, ''));
  return now.filter(shared).length <= 1 && !now.every(shared);
}
