// A thing that needs or requires a step done by a party: "Large changes need approval from the change board", "The
// permit requires an inspection by the fire department". The noun names the party's step on the thing ("The change
// board approves the changes"); the nouns before it name what the step is done to ("a site visit by a surveyor" → the
// surveyor visits the site). With nobody named the step is in the lane of whoever works then: "International
// shipments require customs clearance" → "The customs are cleared". A thing with no step in it, had from a party,
// is got: "New hires need a laptop from IT" → "Obtain laptop". "If the patient needs a visa" (a condition), "The form
// needs to be signed" and a bare need of a thing ("Each student needs a visa") are left as they are.
import { isTimeWord, namesSomeone } from './agents.ts';
import { SIZE_KINDS, STEP_NOUNS_AS_VERBS } from './lexicon.ts';
import { thirdPerson, verbOfNoun } from './nominal-steps.ts';
import { readPhrase } from './phrase.ts';
import { ACTION_NOUNS } from './relative-condition.ts';
import { readSentences, type Sentence, type Token } from './tokens.ts';

const NEEDS = new Set(['need', 'needs', 'require', 'requires']);
// Endings that make a noun of a verb: "inspection", "assessment", "approval", "clearance", "screening".
const MADE_FROM_VERB = /(ion|ment|al|ance|ing)$/;

const words = (ts: Token[]) => ts.map((t) => t.text).join(' ');

/** The verb of a step noun ("approval" → "approve", "visit" → "visit"), or null for a thing ("visa", "laptop"). */
function stepVerb(noun: string): string | null {
  const known = ACTION_NOUNS[noun];
  if (known) return known[1];
  return STEP_NOUNS_AS_VERBS.has(noun) || MADE_FROM_VERB.test(noun) ? verbOfNoun(noun) : null;
}

function participle(verb: string): string {
  const [word, ...particle] = verb.split(' ');
  const done = /e$/.test(word!) ? `${word}d` : /[^aeiou]y$/.test(word!) ? `${word!.slice(0, -1)}ied` : `${word}ed`;
  return [done, ...particle].join(' ');
}

/** "The permit requires an inspection by the fire department." → "The fire department inspects the permit."; any
 *  other sentence as it is. */
export function neededStep(told: Sentence): Sentence {
  const need = told.findIndex((t) => NEEDS.has(t.lower));
  if (need < 1 || need > 5) return told;
  // The subject is a plain noun phrase at the sentence's start: "Every new supplier", "High-risk patients".
  const subject = told.slice(0, need).filter((t) => t.pos !== 'ADV');
  if (!subject.every((t) => ['DET', 'ADJ', 'NOUN', 'PROPN'].includes(t.pos)) || !['NOUN', 'PROPN'].includes(subject.at(-1)!.pos)) return told;
  // The need: an article, describing words and the step noun, then "from"/"by" and the party, up to the full stop.
  let end = told.length;
  while (told[end - 1]?.pos === 'PUNCT') end--;
  if (told[end]?.text === '?' || told[end]?.text === '!') return told;
  const by = told.findIndex((t, i) => i > need && ['from', 'by'].includes(t.lower));
  const headEnd = by > 0 ? by : end;
  let from = need + 1;
  if (told[from]?.pos === 'DET') from++;
  const needed = told.slice(from, headEnd);
  const head = needed.at(-1);
  if (!head || head.pos !== 'NOUN' || needed.some((t) => !['ADJ', 'NOUN', 'PROPN'].includes(t.pos))) return told;
  const verb = stepVerb(head.lower);
  if (!verb) return obtained(told, needed, by, end);
  // "a site visit", "a credit check": the nouns before the step noun are what it is done to; else the thing itself.
  const modifiers = needed.slice(0, -1).filter((t) => t.pos !== 'ADJ');
  const thing = subject.filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
  const object = modifiers.length ? modifiers : thing;
  const what = `the ${words(object).toLowerCase()}`;
  if (by < 0) {
    const plural = /s$/.test(object.at(-1)!.lower);
    return readSentences(`${what.charAt(0).toUpperCase()}${what.slice(1)} ${plural ? 'are' : 'is'} ${participle(verb)}.`)[0] ?? told;
  }
  if (!party(told, by, end)) return told;
  const doer = words(told.slice(by + 1, end));
  // ("Small changes are made by the desk. Large changes need approval from the board.": a graded subject is one kind of
  // a choice, so it stays the subject — "Large changes are approved by the board" — for the kinds rule to read.)
  if (SIZE_KINDS.has(subject.find((t) => t.pos !== 'DET')?.lower ?? '')) {
    if (modifiers.length) return told;
    return readSentences(`${words(subject)} ${/s$/.test(subject.at(-1)!.lower) ? 'are' : 'is'} ${participle(verb)} by ${doer}.`)[0] ?? told;
  }
  return readSentences(`${doer.charAt(0).toUpperCase()}${doer.slice(1)} ${thirdPerson(verb)} ${what}.`)[0] ?? told;
}

/** Whether someone is named after "from"/"by", up to the full stop ("by the fire department", not "by Friday"). */
function party(told: Sentence, by: number, end: number): boolean {
  const named = readPhrase(told, by + 1);
  return !!named.phrase && named.end === end && namesSomeone(named.phrase) && !isTimeWord(named.phrase.head.lemma);
}

/** "New hires need a laptop from IT": a thing with no step in it, had from a party, is got — "Obtain laptop" in the
 *  lane of whoever works then. (A person needed, "a nurse from the agency", is left as it is.) */
function obtained(told: Sentence, needed: Token[], by: number, end: number): Sentence {
  if (by < 0 || told[by]!.lower !== 'from' || !party(told, by, end)) return told;
  const thing = readPhrase(needed, 0).phrase;
  if (!thing || namesSomeone(thing)) return told;
  const plural = /s$/.test(needed.at(-1)!.lower);
  return readSentences(`The ${words(needed)} ${plural ? 'are' : 'is'} obtained from ${words(told.slice(by + 1, end))}.`)[0] ?? told;
}
