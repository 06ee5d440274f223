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
  const said = tokens[from];
  const read = said && said.pos === 'PRON' && OBJECT_PRONOUNS.has(said.lower) ? { phrase: { words: [said], head: said, of: null }, end: from + 1 } : readPhrase(tokens, from);
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
  // ("has them sign the lease", "has him fill in a form": the one made to act named before; the planner finds them.)
  const pronoun = phrase?.words.length === 1 && OBJECT_PRONOUNS.has(phrase.head.lower);
  if (!phrase || !(namesSomeone(phrase) || pronoun)) return -1;
  const to = tokens[end]?.lower === 'to' ? end + 1 : end;
  const verb = tokens[to];
  // ("gets the manager's approval", "has a technician on call": no bare verb, no step made over.)
  if (!verb || verb.pos !== 'VERB' || !/^[a-z]+$/.test(verb.text) || /(ed|ing)$/.test(verb.lower) || (to === end && /[^s]s$/.test(verb.lower))) return -1;
  // ("She has a porter take it": the pronoun stands for the causer.)
  const own = r.subjectPronoun ? tokens.slice(0, from).find((t) => t.lower === r.subjectPronoun) : undefined;
  r.causer = r.subject ?? (own ? { words: [own], head: own, of: null } : null);
  r.subject = phrase;
  r.subjectPronoun = null;
  r.coSubjects = [];
  r.asked = true;
  r.verb = null;
  return readVerbGroup(tokens, to, r);
}

// Verbs that take the one made to act and then a bare verb: "has the tenant sign", "lets them choose", "makes him wait".
const BARE_CAUSING = new Set(['have', 'let', 'make']);
const OBJECT_PRONOUNS = new Set(['them', 'him', 'her', 'us', 'me']);
const STEP_PARTICLES = new Set(['in', 'out', 'up', 'off', 'over', 'back', 'down']);

/**
 * "has the tenant sign the lease", "has them sign the lease", "has him fill in a form": the tagger reads the bare verb
 * after the one made to act as a noun (or the person as a describing word), the clause has no verb and the steps
 * coordinated after it ("… and hands over the keys") are lost with it. Retags them, in place.
 */
export function markCausedVerbs(tokens: Token[], canBeVerb: (word: string) => boolean): Token[] {
  tokens.forEach((t, i) => {
    if (!BARE_CAUSING.has(t.lemma) || (t.pos !== 'AUX' && t.pos !== 'VERB')) return;
    let k = i + 1;
    if (OBJECT_PRONOUNS.has(tokens[k]?.lower ?? '')) k++;
    else {
      if (tokens[k]?.pos !== 'DET') return;
      const start = ++k;
      while (k - start < 3 && ['NOUN', 'ADJ', 'PROPN'].includes(tokens[k + 1]?.pos ?? '') && ['NOUN', 'ADJ', 'PROPN'].includes(tokens[k]?.pos ?? '')) k++;
      const words = tokens.slice(start, k);
      const head = words.at(-1);
      if (!head || k === start) return;
      const asNoun = { ...head, pos: head.pos === 'ADJ' ? 'NOUN' : head.pos };
      if (!namesSomeone({ words: [...words.slice(0, -1), asNoun], head: asNoun, of: null })) return;
      if (head.pos === 'ADJ') head.pos = 'NOUN';
    }
    const verb = tokens[k];
    const next = tokens[k + 1];
    if (!verb || !['NOUN', 'ADJ'].includes(verb.pos) || !/^[a-z]+$/.test(verb.text) || /(?:[^s]s|ed|ing)$/.test(verb.lower)) return;
    if (!next || !(['DET', 'PRON'].includes(next.pos) || STEP_PARTICLES.has(next.lower)) || !canBeVerb(verb.lower)) return;
    verb.pos = 'VERB';
    verb.lemma = verb.lower;
  });
  return tokens;
}
