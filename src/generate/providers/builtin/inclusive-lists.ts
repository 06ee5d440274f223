// "… may order lab tests, imaging, or both", "sends a letter and/or an email": a list of objects that may be taken
// one or several at a time is an inclusive choice, one step per option; so are two steps joined by "and/or"
// ("restarts the service and/or clears the cache").
import { LIGHT_VERBS } from './lexicon.ts';
import { canBeVerb, type Token } from './tokens.ts';
import { thirdPersonBase } from './verb-lemma.ts';

export interface InclusiveList {
  /** The sentence before the list's clause ("The doctor examines the patient"), to be read on its own. */
  before: Token[];
  /** The clause's subject and verb group ("may order", "we notify"). */
  verbGroup: Token[];
  /** Each option's words ("lab tests", "imaging"). */
  options: Token[][];
}

// "or both", "or all three", "or all of them", "or any combination": the closing words that make a list inclusive.
const ALL_OF = /^(both|all (of (them|these|those)|two|three|four)|any combination( of (them|these|those))?)( [.,;!]|$)/;
const NUMBERS = ['', '', 'two', 'three', 'four'];
const CLAUSE_EDGE = new Set([',', ';', ':', 'and', 'but', 'then']);

/** Finds the inclusive list in a sentence, or null. */
export function findInclusiveList(sentence: Token[]): InclusiveList | null {
  const words = sentence.map((t) => t.lower);
  // The list ends at "or both …" or at the end of the option after "and/or".
  const close = words.findIndex((w, i) => w === 'or' && ALL_OF.test(words.slice(i + 1, i + 5).join(' ')));
  const andOr = words.findIndex((w, i) => w === 'and' && ['/', 'or'].includes(words[i + 1] ?? '') && words[i + 2] === 'or');
  if (close < 0 && andOr < 0) return null;
  const listEnd = close >= 0 ? close : optionEnd(sentence, andOr + 3);
  const seam = close >= 0 ? close : andOr;
  // The verb that takes the list: the last verb before the first option.
  let verb = -1;
  for (let i = seam - 1; i >= 0; i--) {
    if (sentence[i]!.pos === 'VERB') {
      verb = i;
      break;
    }
  }
  // "performs the acquisition and/or changes": a light verb with nouns of action is one step, whatever its nouns.
  if (verb < 0 || LIGHT_VERBS.has(sentence[verb]!.lemma)) return null;
  // The verb group runs back over modals, adverbs, the subject, up to a clause edge.
  let start = verb;
  while (start > 0 && !CLAUSE_EDGE.has(words[start - 1]!)) start--;
  const options = splitOptions(sentence.slice(verb + 1, listEnd).filter((t) => t.lower !== '/'), close < 0);
  // "contacts the customer by phone and/or email": options after a preposition are the means, not the things done.
  if (options.length < 2 || options.some((o) => o.some((t) => t.pos === 'ADP'))) return null;
  // "…, or all three": the count must agree.
  const counted = close < 0 ? -1 : NUMBERS.indexOf(words.slice(close + 1, close + 5).find((w) => NUMBERS.includes(w)) ?? '');
  if (counted > 0 && counted !== options.length) return null;
  const before = sentence.slice(0, start);
  while (before.length && CLAUSE_EDGE.has(before.at(-1)!.lower)) before.pop();
  return { before, verbGroup: sentence.slice(start, verb + 1), options };
}

/** Where the option after "and/or" ends: at a preposition, a clause edge or the sentence's end. */
function optionEnd(sentence: Token[], from: number): number {
  let i = from;
  while (i < sentence.length && sentence[i]!.pos !== 'ADP' && sentence[i]!.pos !== 'PUNCT' && !CLAUSE_EDGE.has(sentence[i]!.lower)) i++;
  return i;
}

/** "lab tests , imaging ," → [lab tests] [imaging]; "and/or" splits too. */
function splitOptions(tokens: Token[], andOr: boolean): Token[][] {
  const out: Token[][] = [[]];
  for (const t of tokens) {
    if (t.text === ',' || t.lower === 'or' || (andOr && t.lower === 'and')) out.push([]);
    else out.at(-1)!.push(t);
  }
  return out.filter((o) => o.some((t) => ['NOUN', 'PROPN'].includes(t.pos)));
}

/**
 * "The technician restarts the service and/or clears the cache" → the sentence before the clause (none here) and the
 * two steps, the second continuing the first's subject; null when "and/or" joins no two steps.
 */
export function findInclusiveSteps(sentence: Token[]): { before: Token[]; steps: Token[][] } | null {
  const words = sentence.map((t) => t.lower);
  const andOr = words.findIndex((w, i) => w === 'and' && ['/', 'or'].includes(words[i + 1] ?? '') && words[i + 2] === 'or');
  const second = sentence[andOr + 3];
  // ("… and/or clears the cache": the tagger may take the -s form for a plural noun.)
  const verb = !!second && (second.pos === 'VERB' || (second.pos === 'NOUN' && /[^s]s$/.test(second.lower) && canBeVerb(thirdPersonBase(second.lower))));
  if (andOr < 1 || !verb) return null;
  let start = andOr;
  while (start > 0 && !CLAUSE_EDGE.has(words[start - 1]!)) start--;
  const first = sentence.slice(start, andOr);
  if (!first.some((t) => t.pos === 'VERB' && !LIGHT_VERBS.has(t.lemma))) return null;
  let end = andOr + 4;
  while (end < sentence.length && !CLAUSE_EDGE.has(words[end]!) && !/^[.!?]$/.test(words[end]!)) end++;
  if (sentence.slice(end).some((t) => t.pos !== 'PUNCT')) return null;
  const before = sentence.slice(0, start);
  while (before.length && CLAUSE_EDGE.has(before.at(-1)!.lower)) before.pop();
  // (Retagged in place: the verb trace knows the sentence's own tokens.)
  if (second.pos !== 'VERB') Object.assign(second, { pos: 'VERB', lemma: thirdPersonBase(second.lower) });
  return { before, steps: [first, sentence.slice(andOr + 3, end)] };
}

// "one or more of", "one or several of", "some or all of", "any of the following": words that offer options any
// number of which may be taken. ("any of" only before a list: "if any of the checks fails" is a condition.)
const SOME_OF = [['one', 'or', 'more', 'of'], ['one', 'or', 'several', 'of'], ['some', 'or', 'all', 'of'], ['any', 'combination', 'of'], ['any', 'of']];

/** Where such words start in `words` and how many they are, or null. */
export function someOfAt(words: string[]): { at: number; length: number } | null {
  for (let at = 0; at < words.length; at++) {
    const found = SOME_OF.find((w) => w.every((x, k) => words[at + k] === x));
    const listed = found && (found[0] !== 'any' || found.length > 2 || [':', 'the'].includes(words[at + 2] ?? '') && (words[at + 2] === ':' || words[at + 3] === 'following'));
    if (found && listed) return { at, length: found.length };
  }
  return null;
}
