// "The ward nurse has the porter take the patient to radiology", "the dispatcher gets a driver to collect it", "the
// clerk lets the applicant choose a date": the one made to act does the step; the one who had it done keeps the work.
import { namesSomeone } from './agents.ts';
import { readPhrase } from './phrase.ts';
import type { Reading } from './reading.ts';
import { canBeVerb, type Token } from './tokens.ts';
import { readVerbGroup } from './verb-group.ts';

// Verbs that have someone else do a step: "has X do", "gets X to do", "lets X do", "makes X do", and needing or
// requiring it: "we need the lab to test the sample", "the bank requires the customer to provide an ID". (Asking and
// telling stay the asker's step: "Ask tenant to upload documents".)
const CAUSING = new Set(['have', 'get', 'let', 'make', 'need', 'want', 'instruct', 'require', 'expect']);

/**
 * At `from` (after the causing verb, or after "has" read as an auxiliary), the person made to act and their verb: the
 * reading becomes that person's step, with the causer kept. Returns where the verb group ended, or -1.
 */
export function readCausative(tokens: Token[], from: number, r: Reading): number {
  const causing = r.verb ? r.verb.lemma : tokens[from - 1]?.pos === 'AUX' ? tokens[from - 1]!.lemma : '';
  if (!CAUSING.has(causing) || r.passive || r.negated) return -1;
  const read = readPhrase(tokens, from);
  let { phrase, end } = read;
  // ("has a colleague show them the building": the tagger may read the bare verb as a noun closing the phrase.)
  const last = phrase?.words.at(-1);
  if (phrase && last && phrase.words.length > 1 && ['PRON', 'DET'].includes(tokens[end]?.pos ?? '') && /^[a-z]+$/.test(last.text) && canBeVerb(last.lower)) {
    const words = phrase.words.slice(0, -1);
    const person = { words, head: words.at(-1)!, of: null };
    if (namesSomeone(person)) {
      Object.assign(last, { pos: 'VERB', lemma: last.lower });
      phrase = person;
      end = tokens.indexOf(last);
    }
  }
  if (!phrase || !namesSomeone(phrase)) return -1;
  const to = tokens[end]?.lower === 'to' ? end + 1 : end;
  const verb = tokens[to];
  // ("gets the manager's approval", "has a technician on call": no bare verb, no step made over.)
  if (!verb || verb.pos !== 'VERB' || !/^[a-z]+$/.test(verb.text) || /(ed|ing)$/.test(verb.lower) || (to === end && /[^s]s$/.test(verb.lower))) return -1;
  // ("She has a porter take it": the pronoun stands for the causer.)
  const pronoun = r.subjectPronoun ? tokens.slice(0, from).find((t) => t.lower === r.subjectPronoun) : undefined;
  r.causer = r.subject ?? (pronoun ? { words: [pronoun], head: pronoun, of: null } : null);
  r.subject = phrase;
  r.subjectPronoun = null;
  r.coSubjects = [];
  r.asked = true;
  r.verb = null;
  return readVerbGroup(tokens, to, r);
}
