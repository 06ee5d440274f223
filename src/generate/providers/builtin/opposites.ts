// Steps that exclude each other: approving and refusing the same thing are two ways, never a sequence.
import { pastParticiple } from './events.ts';
import { LIGHT_VERBS } from './lexicon.ts';

const OPPOSITES: Record<string, string[]> = { reject: ['approve', 'accept'], decline: ['approve', 'accept'], refuse: ['approve', 'accept', 'grant'], deny: ['approve', 'grant'] };

// The yes of a decision: what refusals are the opposite of, and adopting a proposal.
const ASSENTS = new Set([...Object.values(OPPOSITES).flat(), 'adopt']);

/** "Accept offer", "Approve request": a step that says yes to the thing in hand. */
export function assents(label: string): boolean {
  return ASSENTS.has(label.split(' ')[0]!.toLowerCase());
}

// Steps that give the yes without a word of assent: "issues the permit", "awards the grant".
const GIVING_YES = new Set(['issue', 'grant', 'award', 'admit', 'hire', 'enrol', 'enroll', 'register', 'certify', 'license', 'licence']);

/** "Issue permit", "Approve request": a step that gives the yes a refusal would deny. */
export function givesYes(label: string): boolean {
  return assents(label) || GIVING_YES.has(label.split(' ')[0]!.toLowerCase());
}

/** "Reject application" right after "Accept application": the same thing approved and refused. */
export function refusesStep(label: string, previous: string): boolean {
  const [verb = '', ...thing] = label.toLowerCase().split(' ');
  const [before = '', ...had] = previous.toLowerCase().split(' ');
  return !!OPPOSITES[verb]?.includes(before) && thing.join(' ') === had.join(' ') && thing.length > 0;
}

/** "approved" and "rejected", "accepted" and "declined": describing words of the two ways. */
export function opposed(a: string, b: string): boolean {
  const base = (w: string) => w.replace(/e?d$/, '');
  const [x, y] = [base(a), base(b)];
  const stem = (v: string) => v.replace(/e$/, '');
  return Object.entries(OPPOSITES).some(([no, yes]) => (stem(no) === x && yes.some((v) => stem(v) === y)) || (stem(no) === y && yes.some((v) => stem(v) === x)));
}

// Verbs of a decision's answer: a choice between them labels its branches with the answer ("approved", "sent back").
const ANSWERS = new Set(['approve', 'accept', 'grant', 'reject', 'decline', 'refuse', 'deny', 'cancel', 'return', 'pass', 'fail', 'escalate', 'close', 'adjourn', 'dismiss', 'defer', 'postpone']);

/**
 * "approves it, rejects it or sends it back": each branch's answer ("approved", "rejected", "sent back"; "requests
 * changes" → "changes requested"), when the
 * alternatives are all a decision's answers and no two read alike; else null ("approves, whereas … require approval"
 * is about amounts, and other steps speak for themselves).
 */
export function answerLabels(labels: string[]): string[] | null {
  const parts = labels.map((l) => l.toLowerCase().split(' '));
  // ("approves it or requests changes", "accepts or asks for more information": asking for more is an answer too.)
  const asked = ([verb = '', next = '', ...rest]: string[]) => (verb === 'request' && next ? [next, ...rest] : verb === 'ask' && next === 'for' && rest.length ? rest : null);
  const answered = ([verb = '', next]: string[]) => ANSWERS.has(verb) || next === 'back';
  if (!parts.some(answered) || !parts.every((p) => answered(p) || asked(p))) return null;
  const answers = parts.map((p) => {
    const more = answered(p) ? null : asked(p);
    const [verb = '', next] = p;
    return more ? `${more.join(' ')} requested` : [pastParticiple(verb), ...(next === 'back' ? ['back'] : [])].join(' ');
  });
  return new Set(answers).size === answers.length ? answers : null;
}

/**
 * "may fix the ticket or escalate it": ways that are no answers are labelled by what each does ("fix", "escalate"),
 * or by the whole step when the verbs are alike ("send to legal", "send to finance"); null when two read alike.
 */
export function wayLabels(labels: string[]): string[] | null {
  // ("make a counter-offer": a light verb alone says nothing, its noun says what the way does.)
  const verbs = labels.map((l) => (LIGHT_VERBS.has(l.toLowerCase().split(' ')[0]!) ? l.toLowerCase() : l.toLowerCase().split(' ')[0]!));
  const ways = new Set(verbs).size === verbs.length ? verbs : labels.map((l) => l.toLowerCase());
  return new Set(ways).size === ways.length ? ways : null;
}
