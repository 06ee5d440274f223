// A step told as a noun with its doer after "by", as minutes and notes put it: "Sign-off of the budget by the CFO." is
// the CFO signing off the budget, "Approval by the board." the board approving. Such a sentence has no verb, so it
// made no step at all; it is read again as the clause it stands for.
import { isTimeWord, namesSomeone } from './agents.ts';
import { readPhrase } from './phrase.ts';
import { canBeVerb, readSentences, type Sentence, type Token } from './tokens.ts';

// How English makes a noun of a verb, most specific first: the first ending that gives a verb is taken.
const ENDINGS: [RegExp, string][] = [
  [/ification$/, 'ify'], [/ssion$/, 't'], [/sion$/, 'de'], [/ration$/, 'er'], [/ation$/, 'ate'], [/ation$/, 'e'],
  [/ation$/, ''], [/ion$/, ''], [/ion$/, 'e'], [/ment$/, ''], [/al$/, 'e'], [/al$/, ''], [/ance$/, ''], [/ance$/, 'e'],
  [/ure$/, 'e'], [/ure$/, ''], [/ing$/, ''],
];
const PARTICLES = new Set(['off', 'up', 'out', 'in', 'over']);

/** The verb a noun names ("approval" → "approve", "sign-off" → "sign off", "review" → "review"), or null. */
export function verbOfNoun(noun: string): string | null {
  const [word, particle, ...rest] = noun.toLowerCase().split('-');
  if (rest.length || (particle !== undefined && !PARTICLES.has(particle))) return null;
  // (The tagger takes most unknown words for verbs, "closure" too: an ending is undone before the word is tried.)
  const undone = ENDINGS.map(([end, by]) => (end.test(word!) ? word!.replace(end, by) : '')).find((v) => v.length > 2 && canBeVerb(v));
  const verb = undone ?? (canBeVerb(word!) ? word : null);
  return verb ? [verb, particle].filter(Boolean).join(' ') : null;
}

export function thirdPerson(verb: string): string {
  const [word, ...particle] = verb.split(' ');
  const inflected = /(s|sh|ch|x|z|o)$/.test(word!) ? `${word}es` : /[^aeiou]y$/.test(word!) ? `${word!.slice(0, -1)}ies` : `${word}s`;
  return [inflected, ...particle].join(' ');
}

const words = (ts: Token[]) => ts.filter((t) => t.pos !== 'PUNCT').map((t) => t.text).join(' ');

// "Every new matter starts with a conflict check by the paralegal": what a case opens with is the step.
const OPENS_WITH = new Set(['starts', 'begins', 'opens', 'start', 'begin']);
const EVERY = new Set(['every', 'each', 'any']);

/** "Sign-off of the budget by the CFO." → "The CFO signs off the budget."; "Each claim starts with a review by the
 *  adjuster." → "The adjuster reviews the claim."; any other sentence as it is. */
export function nominalStep(told: Sentence): Sentence {
  const opens = told.findIndex((t, i) => i > 0 && OPENS_WITH.has(t.lower) && told[i + 1]?.lower === 'with');
  if (opens > 0) {
    // ("Each claim starts with a review": the case is what is reviewed; "The day starts with a briefing" names none.)
    const each = EVERY.has(told[0]!.lower);
    const step = fromNominal(told.slice(opens + 2), each ? `the ${words(told.slice(1, opens)).toLowerCase()}` : '');
    return step ?? told;
  }
  return fromNominal(told, '') ?? told;
}

/** The clause a verbless "noun by someone" sentence stands for, with `what` as its object when the noun names none. */
function fromNominal(told: Sentence, what: string): Sentence | null {
  // ("Budget approval by the CFO", "Shortlisting of the candidates by …": the tagger takes the opening noun for a verb.)
  const [first, second] = told;
  const opensWithNoun = first?.pos === 'VERB' && (second?.pos === 'NOUN' || (/ing$/.test(first.lower) && second?.lower === 'of'));
  const sentence = opensWithNoun ? [{ ...first, pos: 'NOUN' }, ...told.slice(1)] : told;
  if (sentence.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return null;
  const by = sentence.findIndex((t) => t.lower === 'by');
  const of = sentence.findIndex((t) => t.lower === 'of');
  const headEnd = of > 0 && of < by ? of : by;
  const named = readPhrase(sentence.slice(0, headEnd), 0);
  // The noun phrase before "of"/"by" is the whole opening, and the doer after "by" is someone, up to the full stop.
  if (by < 1 || !named.phrase || named.end !== headEnd) return null;
  const doer = readPhrase(sentence, by + 1);
  if (!doer.phrase || !namesSomeone(doer.phrase) || isTimeWord(doer.phrase.head.lemma) || sentence.slice(doer.end).some((t) => t.pos !== 'PUNCT')) return null;
  // (An imperative note, "Check stock by Friday", is left alone: only a noun made from a verb may follow its opening.)
  const verb = opensWithNoun && !ENDINGS.some(([end]) => end.test(named.phrase!.head.lower)) ? null : verbOfNoun(named.phrase.head.text);
  if (!verb) return null;
  // "Budget approval by the CFO": the nouns before the head are what is done to.
  const modifiers = named.phrase.words.slice(0, -1).filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
  const object = headEnd === of ? words(sentence.slice(of + 1, by)) : modifiers.length ? `the ${words(modifiers).toLowerCase()}` : what;
  const doerText = words(sentence.slice(by + 1, doer.end));
  const text = [doerText.charAt(0).toUpperCase() + doerText.slice(1), thirdPerson(verb), object].filter(Boolean).join(' ');
  return readSentences(`${text}.`)[0] ?? null;
}
