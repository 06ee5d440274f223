// Parallel work told with two objects of one verb: "builds the iOS app and the Android app in parallel", "runs the
// blood test and the X-ray at the same time", "builds the app on iOS and Android simultaneously". Each object is a
// step of its own, side by side: the verb (and what comes before the last preposition) is said again before the
// second object, as in "runs the blood test and runs the X-ray in parallel", which reads as a fork.
import type { Sentence, Token } from './tokens.ts';

// Words that end a sentence saying its steps run side by side.
const SIDE_BY_SIDE = [['in', 'parallel'], ['at', 'the', 'same', 'time'], ['simultaneously'], ['concurrently']];
const OBJECT_START = new Set(['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM']);

/** Where a closing "in parallel" (or alike) starts, or -1. */
function sideBySideAt(tokens: Token[]): number {
  let end = tokens.length;
  while (end > 0 && tokens[end - 1]!.pos === 'PUNCT') end--;
  for (const words of SIDE_BY_SIDE) {
    const at = end - words.length;
    if (at > 0 && words.every((w, k) => tokens[at + k]!.lower === w)) return at;
  }
  return -1;
}

/** The sentence with the verb said again before a second object joined by "and" when the two are done side by side. */
export function objectsApart(told: Sentence): Sentence {
  const at = sideBySideAt(told);
  if (at < 0) return told;
  const and = told.slice(0, at).map((t) => t.lower).lastIndexOf('and');
  if (and < 2 || !OBJECT_START.has(told[and + 1]?.pos ?? '')) return told;
  // (Only things between: "prepares the contract and IT sets up a laptop at the same time" has two clauses already.)
  const second = told.slice(and + 1, at);
  if (second.some((t) => ['VERB', 'AUX', 'PRON', 'SCONJ'].includes(t.pos) || t.text === ',')) return told;
  let verb = and - 1;
  while (verb >= 0 && told[verb]!.pos !== 'VERB' && told[verb]!.text !== ',' && told[verb]!.pos !== 'AUX') verb--;
  // ("The app is built for iOS and Android in parallel": a passive's things stand after its preposition.)
  const opens = (t: Token | undefined) => OBJECT_START.has(t?.pos ?? '');
  if (verb < 0 || told[verb]!.pos !== 'VERB' || !(opens(told[verb + 1]) || (told[verb + 1]?.pos === 'ADP' && opens(told[verb + 2])))) return told;
  const first = told.slice(verb + 1, and);
  if (first.some((t) => t.pos === 'PRON' || t.pos === 'SCONJ' || t.lower === 'and')) return told;
  // "builds the app on iOS and Android": the words up to the preposition are said again too.
  const preposition = first.map((t) => t.pos).lastIndexOf('ADP');
  // ("sends the contract to the candidate and the recruiter at the same time": one message to both.)
  if (preposition >= 0 && first[preposition]!.lower === 'to') return told;
  const repeated = told.slice(verb, preposition < 0 ? verb + 1 : verb + 1 + preposition + 1).map((t) => ({ ...t, first: false }));
  return [...told.slice(0, and + 1), ...repeated, ...told.slice(and + 1)];
}
