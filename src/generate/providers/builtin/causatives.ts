// "The ward nurse has the porter take the patient to radiology", "the dispatcher gets a driver to collect it", "the
// clerk lets the applicant choose a date": the one made to act does the step; the one who had it done keeps the work.
import { namesSomeone } from './agents.ts';
import { readPhrase } from './phrase.ts';
import type { Reading } from './reading.ts';
import type { Token } from './tokens.ts';
import { readVerbGroup } from './verb-group.ts';

// Verbs that have someone else do a step: "has X do", "gets X to do", "lets X do", "makes X do".
const CAUSING = new Set(['have', 'get', 'let', 'make']);

/**
 * At `from` (after the causing verb, or after "has" read as an auxiliary), the person made to act and their verb: the
 * reading becomes that person's step, with the causer kept. Returns where the verb group ended, or -1.
 */
export function readCausative(tokens: Token[], from: number, r: Reading): number {
  const causing = r.verb ? r.verb.lemma : tokens[from - 1]?.pos === 'AUX' ? tokens[from - 1]!.lemma : '';
  if (!CAUSING.has(causing) || r.passive || r.negated) return -1;
  const { phrase, end } = readPhrase(tokens, from);
  if (!phrase || !namesSomeone(phrase)) return -1;
  const to = tokens[end]?.lower === 'to' ? end + 1 : end;
  const verb = tokens[to];
  // ("gets the manager's approval", "has a technician on call": no bare verb, no step made over.)
  if (!verb || verb.pos !== 'VERB' || !/^[a-z]+$/.test(verb.text) || /(ed|ing)$/.test(verb.lower) || (to === end && /[^s]s$/.test(verb.lower))) return -1;
  r.causer = r.subject;
  r.subject = phrase;
  r.subjectPronoun = null;
  r.coSubjects = [];
  r.asked = true;
  r.verb = null;
  return readVerbGroup(tokens, to, r);
}
