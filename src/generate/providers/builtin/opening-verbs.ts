// A clause that opens with a verb's -s form continues the last subject's work: "Then files it.", "Checks the totals,
// then signs off.", "If the customer is new, requests a credit check." The tagger reads such a word as a plural noun
// ("files", "requests"), an adverb ("forwards") or, capitalised, a name ("Checks"); before its object it is the verb.
import { SEND_VERBS } from './lexicon.ts';
import type { Token } from './tokens.ts';
import { thirdPersonBase } from './verb-lemma.ts';

// Words after which a new clause (and so its verb) may start.
const OPENERS = new Set(['then', 'and', 'afterwards', 'later', 'next', 'finally', 'first', 'also', 'subsequently', 'thereafter', 'immediately']);
const OBJECT_OPENERS = new Set(['the', 'a', 'an', 'all', 'each', 'every', 'its', 'their', 'this', 'these', 'those', 'any', 'both']);
const PRONOUN_OBJECTS = new Set(['it', 'them']);
// "signs off.", "follows up with", "backs up the data": a particle that cannot start a noun's complement.
const PARTICLES = new Set(['up', 'off', 'out', 'back', 'over', 'down']);
// Plural units of time: never a verb ("within five working days a handler …").
export const TIME_UNITS = /^(minute|hour|day|week|month|year|fortnight)s$/;

const opensClause = (prev: Token | undefined) => !prev || ['PUNCT'].includes(prev.pos) || OPENERS.has(prev.lower);

/** Marks a clause-opening -s word before its object, particle or pronoun as the verb; the tokens change in place. */
export function markOpeningVerbs(tokens: Token[], canBeVerb: (word: string) => boolean): void {
  for (let i = 0; i < tokens.length - 1; i++) {
    const [prev, t, next, after] = [tokens[i - 1], tokens[i]!, tokens[i + 1]!, tokens[i + 2]];
    if (!['NOUN', 'PROPN', 'ADV', 'ADJ'].includes(t.pos) || !/^[a-z]+[^s]s$/.test(t.lower) || TIME_UNITS.test(t.lower)) continue;
    if (!opensClause(prev) || prev?.text === ':') continue;
    // ("Claims up to 50 euros": "up to" measures the noun.)
    const particle = PARTICLES.has(next.lower) && (!after || ['PUNCT', 'DET', 'PRON', 'ADP', 'CCONJ'].includes(after.pos)) && !(next.lower === 'up' && after?.lower === 'to');
    const object = OBJECT_OPENERS.has(next.lower) || PRONOUN_OBJECTS.has(next.lower) || particle;
    const base = thirdPersonBase(t.lower);
    // (The tagger reads "forward" as an adverb in any frame: the lexicon's verbs of sending count as verbs.)
    // ("Orders the customer cancels are refunded": a plural "are" later in the clause makes it the subject.)
    const end = tokens.findIndex((x, j) => j > i && x.pos === 'PUNCT');
    const pluralVerbLater = tokens.slice(i + 1, end < 0 ? undefined : end).some((x) => ['are', 'were'].includes(x.lower));
    if (object && !pluralVerbLater && (canBeVerb(base) || SEND_VERBS.has(base))) {
      t.pos = 'VERB';
      t.lemma = thirdPersonBase(t.lower);
    }
  }
}

const TRIGGERS = new Set(['when', 'whenever', 'once', 'if', 'after', 'before', 'until', 'unless']);

/**
 * "Whenever a server alert fires, …": in a clause opened by "when", "if" or the like, with no verb yet, an -s word
 * right before the comma that ends it is the clause's verb (the tagger reads "fires", "fails", "breaks" as nouns).
 */
export function markTriggerVerbs(tokens: Token[], canBeVerb: (word: string) => boolean): void {
  for (let i = 2; i < tokens.length - 1; i++) {
    const [prev, t, next] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]!];
    if (next.text !== ',' || t.pos !== 'NOUN' || !/^[a-z]+[^s]s$/.test(t.lower) || !['NOUN', 'ADJ', 'PROPN'].includes(prev.pos)) continue;
    let k = i - 1;
    while (k > 0 && !TRIGGERS.has(tokens[k]!.lower) && !['PUNCT', 'VERB', 'AUX'].includes(tokens[k]!.pos)) k--;
    if (!TRIGGERS.has(tokens[k]!.lower) || tokens[k + 1]?.pos !== 'DET' || !canBeVerb(thirdPersonBase(t.lower))) continue;
    t.pos = 'VERB';
    t.lemma = thirdPersonBase(t.lower);
    if (prev.pos === 'ADJ') prev.pos = 'NOUN';
  }
}

/** "Pick and pack.", "sign and stamp": a note of two bare words joined by "and", the first a verb, names two steps. */
export function markPairedVerbs(tokens: Token[], canBeVerb: (word: string) => boolean): void {
  const words = tokens.filter((t) => t.pos !== 'PUNCT');
  // "Triage." alone: a note of one word that English uses as a verb is that step.
  const only = words.length === 1 ? words[0]! : null;
  if (only && only.pos !== 'VERB' && /^[a-z]+$/.test(only.lower) && canBeVerb(only.lower)) {
    only.pos = 'VERB';
    only.lemma = only.lower;
  }
  const [first, and, second] = words;
  if (words.length !== 3 || first?.pos !== 'VERB' || and?.lower !== 'and' || !second || second.pos === 'VERB') return;
  if (/^[a-z]+$/.test(second.lower) && !/s$/.test(second.lower) && canBeVerb(second.lower)) {
    second.pos = 'VERB';
    second.lemma = second.lower;
  }
}

/** "Stock counts are done monthly", "Customer requests were logged": an -s word before "are"/"were" is a plural subject. */
export function markPluralSubjects(tokens: Token[]): void {
  for (let i = 1; i < tokens.length - 1; i++) {
    const [prev, t, next] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]!];
    if (t.pos === 'VERB' && /^[a-z]+[^s]s$/.test(t.lower) && ['are', 'were'].includes(next.lower) && ['NOUN', 'PROPN', 'ADJ', 'DET'].includes(prev.pos)) t.pos = 'NOUN';
  }
}

/**
 * Whether a subjectless clause goes on with the last subject: it opens with a verb's third-person form ("Then files
 * it.", "signs off"), where a bare form ("File it.") is an order to the reader; a word before the verb other than an
 * adverb or a connective ("one of our surveyors runs …") is a subject the reader did not take apart.
 */
export function continuesSubject(verb: Token | null, base: string, tokens: Token[]): boolean {
  if (!verb || !/[^s]s$/.test(verb.lower) || verb.lower === base) return false;
  const before = tokens.slice(0, tokens.indexOf(verb));
  return before.every((t) => ['PUNCT', 'ADV', 'CCONJ', 'SCONJ'].includes(t.pos) || OPENERS.has(t.lower));
}

/**
 * "the teller signs the sheet", "the planner orders more": after "the" and a party's name, an -s word before an object
 * is that party's verb, though the tagger reads it as a plural noun ("teller signs" is no compound). Not before a verb
 * ("the customer orders are shipped") nor after a thing ("the sales orders").
 */
export function markPartyVerbs(tokens: Token[], canBeVerb: (word: string) => boolean, isParty: (t: Token) => boolean): void {
  for (let i = 2; i < tokens.length - 1; i++) {
    const [det, party, t, next] = [tokens[i - 2]!, tokens[i - 1]!, tokens[i]!, tokens[i + 1]!];
    if (t.pos !== 'NOUN' || !/^[a-z]+[^s]s$/.test(t.lower) || TIME_UNITS.test(t.lower) || det.pos !== 'DET' || party.pos !== 'NOUN' || /s$/.test(party.lower)) continue;
    const object = OBJECT_OPENERS.has(next.lower) || PRONOUN_OBJECTS.has(next.lower) || ['more', 'less'].includes(next.lower);
    if (!object || !isParty(party) || !canBeVerb(thirdPersonBase(t.lower))) continue;
    t.pos = 'VERB';
    t.lemma = thirdPersonBase(t.lower);
  }
}
