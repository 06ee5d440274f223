// A choice inside a way of another: "If the candidate is qualified, the recruiter schedules an interview. If the
// interview goes well, … If it does not, … If the candidate is not qualified, …". The later case about the candidate
// is the other way of the first choice, so everything told between the two lies inside the first way: the interview's
// choice is nested there, and a plain step before the later case ("The recruiter then updates the file.") still belongs
// to that way. A case answers another when both are about the same named thing and they differ in polarity ("is not"),
// in being adverse or a word's negative ("complete" / "incomplete", "usable" / "unusable"), or both place it on a scale or a range of amounts ("high" / "low",
// "over 10,000 euros" / "10,000 euros or less"). "If the order is urgent … If the order is large …" do not answer
// each other: two questions, asked one after the other.
import { splitClauses } from './clauses.ts';
import { readClause } from './reading.ts';
import type { Sentence } from './tokens.ts';
import { adverseCondition } from './told-outcomes.ts';

export interface CaseSaid {
  subject: string;
  negated: boolean;
  label: string;
}

// Words that place a thing on a scale: the ways of one choice, whichever comes first.
const SCALE = /\b(low|lower|medium|moderate|high|higher|minor|major|critical|severe|small|smaller|large|larger)\b/;
// An amount or a bound on one: "over 10,000 euros", "between 500 and 5,000", "10,000 or less".
const AMOUNT = /\d|\b(above|below|under|over|less than|more than|at least|at most|up to|exceeds?|between)\b/;
// Words that open a case but are no part of it.
const OPENERS = new Set(['if', 'when', 'whenever', 'where', 'in', 'case', 'should', 'once', 'for']);

/** The case a sentence opens with ("If the claim is over 10,000 euros, …"; subject '' when a pronoun's); else null. */
export function caseOf(sentence: Sentence): CaseSaid | null {
  const first = splitClauses(sentence)[0];
  if (first?.role !== 'condition') return null;
  let at = 0;
  while (at < first.tokens.length && (first.tokens[at]!.pos === 'PUNCT' || OPENERS.has(first.tokens[at]!.lower))) at++;
  const words = first.tokens.slice(at);
  const reading = readClause(words);
  const head = reading.subject?.head;
  const label = words.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'DET').map((t) => t.lower).join(' ');
  return { subject: head && head.pos !== 'PRON' ? head.lemma : '', negated: reading.negated, label };
}

/** Whether two cases about one thing are ways of one choice rather than two questions. */
export function answersCase(a: { subject: string; negated: boolean; label?: string }, b: CaseSaid): boolean {
  if (!a.subject || a.subject === 'it' || !b.subject || a.subject.toLowerCase() !== b.subject.toLowerCase()) return false;
  const [x, y] = [(a.label ?? '').toLowerCase(), b.label];
  if (a.negated !== b.negated || adverseCondition(x, a.negated) !== adverseCondition(y, b.negated)) return true;
  return (SCALE.test(x) && SCALE.test(y)) || (AMOUNT.test(x) && AMOUNT.test(y)) || negatesWord(x, y) || negatesWord(y, x);
}

// "usable" / "unusable", "eligible" / "ineligible", "legible" / "illegible": a word and its negative prefix.
function negatesWord(a: string, b: string): boolean {
  const those = new Set(b.split(' '));
  return a.split(' ').some((w) => w.length > 3 && ['un', 'in', 'il', 'im', 'ir', 'dis', 'non', 'non-'].some((p) => those.has(p + w)));
}
