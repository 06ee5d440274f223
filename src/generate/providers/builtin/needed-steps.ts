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
import { readSentences, verbFrom, type Sentence, type Token } from './tokens.ts';

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

/** A need read from a sentence: "Every storm claim requires a site visit by an external surveyor". */
interface Need {
  /** The subject's words: "Every storm claim". */
  subject: Token[];
  /** The needed words after any article: "site visit", "laptop". */
  needed: Token[];
  /** The verb of the step asked for ("visit"), or null when a thing is needed ("laptop"). */
  verb: string | null;
  /** The nouns before the step noun, what the step is done to: "site" of "site visit". */
  modifiers: Token[];
  /** Who does the step or gives the thing ("an external surveyor"), or "" when nobody is named. */
  doer: string;
  /** The doer was named after "from" (or owns the thing). */
  from: boolean;
  /** The doer owns the thing: "an appraiser's report" → "appraiser". */
  owner: string;
  /** The text's verb of the need, "requires", which the step is traced to. */
  asked: Token;
}

/** The need in `told` — "X needs/requires [a] Y [by/from Z]", "X requires Z's Y" — or null when it says none. */
function readNeed(told: Sentence): Need | null {
  const need = told.findIndex((t) => NEEDS.has(t.lower));
  if (need < 1 || need > 5) return null;
  // The subject is a plain noun phrase at the sentence's start: "Every new supplier", "High-risk patients".
  const subject = told.slice(0, need).filter((t) => t.pos !== 'ADV');
  if (!subject.every((t) => ['DET', 'ADJ', 'NOUN', 'PROPN'].includes(t.pos)) || !['NOUN', 'PROPN'].includes(subject.at(-1)!.pos)) return null;
  // The need: an article, describing words and the step noun, then "from"/"by" and the party, up to the full stop.
  let end = told.length;
  while (told[end - 1]?.pos === 'PUNCT') end--;
  if (told[end]?.text === '?' || told[end]?.text === '!') return null;
  const by = told.findIndex((t, i) => i > need && ['from', 'by'].includes(t.lower));
  const headEnd = by > 0 ? by : end;
  let from = need + 1;
  if (told[from]?.pos === 'DET') from++;
  let needed = told.slice(from, headEnd);
  // "an appraiser's report", "the CFO's sign-off": the owner is the party the thing comes from.
  const owned = needed.findIndex((t) => ["'s", '’s'].includes(t.lower));
  let owner = '';
  if (owned > 0 && by < 0) {
    const named = readPhrase(needed.slice(0, owned), 0);
    if (!named.phrase || named.end !== owned || !namesSomeone(named.phrase)) return null;
    owner = words(needed.slice(0, owned).filter((t) => t.pos !== 'DET')).toLowerCase();
    needed = needed.slice(owned + 1);
  }
  const head = needed.at(-1);
  if (!head || head.pos !== 'NOUN' || needed.some((t) => !['ADJ', 'NOUN', 'PROPN'].includes(t.pos))) return null;
  if (by > 0 && !party(told, by, end)) return null;
  const doer = owner ? `the ${owner}` : (by > 0 ? words(told.slice(by + 1, end)) : '');
  const verb = stepVerb(head.lower);
  return { subject, needed, verb, modifiers: verb ? needed.slice(0, -1).filter((t) => t.pos !== 'ADJ') : [], doer, from: !!owner || (by > 0 && told[by]!.lower === 'from'), owner, asked: told[need]! };
}

const capital = (w: string) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`;
const pluralOf = (ts: Token[]) => /s$/.test(ts.at(-1)!.lower);

/** "The permit requires an inspection by the fire department." → "The fire department inspects the permit."; any
 *  other sentence as it is. */
export function neededStep(told: Sentence): Sentence {
  const need = readNeed(told);
  // (An owner's thing, "the CFO's sign-off", is left to the rules that read approvals.)
  if (!need || need.owner) return told;
  const { subject, verb, modifiers, doer } = need;
  if (!verb) return obtained(told, need);
  // "a site visit", "a credit check": the nouns before the step noun are what it is done to; else the thing itself.
  const thing = subject.filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
  const object = modifiers.length ? modifiers : thing;
  const what = `the ${words(object).toLowerCase()}`;
  if (!doer) return readSentences(`${capital(what)} ${pluralOf(object) ? 'are' : 'is'} ${participle(verb)}.`)[0] ?? told;
  // ("Small changes are made by the desk. Large changes need approval from the board.": a graded subject is one kind of
  // a choice, so it stays the subject — "Large changes are approved by the board" — for the kinds rule to read.)
  if (SIZE_KINDS.has(subject.find((t) => t.pos !== 'DET')?.lower ?? '')) {
    if (modifiers.length) return told;
    return readSentences(`${words(subject)} ${pluralOf(subject) ? 'are' : 'is'} ${participle(verb)} by ${doer}.`)[0] ?? told;
  }
  return readSentences(`${capital(doer)} ${thirdPerson(verb)} ${what}.`)[0] ?? told;
}

/**
 * A kind of a choice that needs a step, as that kind's step — the one rewrite of a need for `contrasted-kinds.ts`:
 * "Large changes need approval from the change board" → "Large changes are approved by the change board"; "Major
 * claims require a site visit by a loss adjuster" → "For major claims, a loss adjuster visits the site"; "Major damage
 * requires an appraiser's report" → "For major damage, the appraiser's report is obtained". The kind stays in the
 * words the reader matches with the choice's ways. Null when the sentence needs no step of this shape.
 */
export function neededForKind(told: Sentence): Sentence | null {
  const need = readNeed(told);
  if (!need) return null;
  const { subject, needed, verb, modifiers, doer } = need;
  const kind = words(subject.filter((t) => t.pos !== 'DET'));
  const opener = `For ${kind.charAt(0).toLowerCase()}${kind.slice(1)},`;
  // (The step's verb is the text's "requires", retagged: the verb trace knows the text's tokens, not the rewrite's.)
  const said = (sentence: string, verbWord: string, opened: boolean): Sentence | null => {
    const read = readSentences(sentence)[0];
    return read ? verbFrom(read, verbWord, need.asked, opened ? read.findIndex((t) => t.text === ',') + 1 : 0) : null;
  };
  // ("an appraiser's report": the thing keeps its owner; "a laptop from IT" is got from the party.)
  if (!verb) return need.from ? said(`${opener} the ${need.owner ? `${need.owner}'s ` : ''}${words(needed).toLowerCase()} ${pluralOf(needed) ? 'are' : 'is'} obtained${need.owner ? '' : ` from ${doer}`}.`, 'obtained', true) : null;
  const done = participle(verb).split(' ')[0]!;
  if (!modifiers.length) return said(`${words(subject)} ${pluralOf(subject) ? 'are' : 'is'} ${participle(verb)}${doer ? ` by ${doer}` : ''}.`, done, false);
  const what = `the ${words(modifiers).toLowerCase()}`;
  return doer ? said(`${opener} ${doer} ${thirdPerson(verb)} ${what}.`, thirdPerson(verb).split(' ')[0]!, true) : said(`${opener} ${what} ${pluralOf(modifiers) ? 'are' : 'is'} ${participle(verb)}.`, done, true);
}

/** Whether someone is named after "from"/"by", up to the full stop ("by the fire department", not "by Friday"). */
function party(told: Sentence, by: number, end: number): boolean {
  const named = readPhrase(told, by + 1);
  return !!named.phrase && named.end === end && namesSomeone(named.phrase) && !isTimeWord(named.phrase.head.lemma);
}

/** "New hires need a laptop from IT": a thing with no step in it, had from a party, is got — "Obtain laptop" in the
 *  lane of whoever works then. (A person needed, "a nurse from the agency", is left as it is.) */
function obtained(told: Sentence, need: Need): Sentence {
  if (!need.from || !need.doer) return told;
  const thing = readPhrase(need.needed, 0).phrase;
  if (!thing || namesSomeone(thing)) return told;
  return readSentences(`The ${words(need.needed)} ${pluralOf(need.needed) ? 'are' : 'is'} obtained from ${need.doer}.`)[0] ?? told;
}
