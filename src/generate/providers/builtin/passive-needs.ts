// A need told in the passive with nobody to meet it: "A second signature is needed", "For amounts over 10,000, a
// countersignature is required", "An export permit is necessary." The thing needed is what someone has to get, so
// the clause is read as "… is obtained" — a step "Obtain second signature" in the lane of whoever works then — and
// not as a state that makes no step. "No further action is needed", "it is required" and questions stay as they are.
import type { Sentence } from './tokens.ts';
import { namesSomeone } from './agents.ts';
import { readPhrase } from './phrase.ts';

const NEEDED = new Set(['needed', 'required', 'necessary']);
const NEGATIONS = new Set(['no', 'not', 'never']);
// ("Several checks are needed", "the following steps are required": an announcement of steps told next, no thing to get.)
const ANNOUNCING = new Set(['several', 'some', 'many', 'various', 'multiple', 'few', 'following', 'these', 'those', 'all', 'further']);
const STEP_NOUNS = new Set(['step', 'steps', 'action', 'actions', 'measure', 'measures', 'check', 'checks', 'task', 'tasks']);

/** The sentence with a passive need at its end read as the getting of the thing needed (tokens retagged in place). */
export function neededAsObtained(sentence: Sentence): Sentence {
  const end = sentence.at(-1)?.pos === 'PUNCT' ? sentence.length - 1 : sentence.length;
  if (sentence[end]?.text === '?') return sentence;
  const need = sentence[end - 1];
  if (!need || !NEEDED.has(need.lower)) return sentence;
  let be = end - 2;
  while (sentence[be]?.pos === 'ADV' && sentence[be]!.lower !== 'not') be--;
  if (!['is', 'are'].includes(sentence[be]?.lower ?? '')) return sentence;
  // The subject runs from the sentence's start or its last comma: "a second signature".
  let from = be - 1;
  while (from > 0 && sentence[from - 1]!.text !== ',') from--;
  const subject = sentence.slice(from, be);
  if (!subject.length || subject.length > 7 || subject.some((t, i) => NEGATIONS.has(t.lower) || ['PRON', 'AUX', 'SCONJ', 'PUNCT'].includes(t.pos) || (t.pos === 'VERB' && !/ed$/.test(t.lower)) || (t.pos === 'ADP' && (t.lower !== 'of' || i === 0)))) return sentence;
  if (!['NOUN', 'PROPN'].includes(subject.at(-1)!.pos) || subject.some((t) => ANNOUNCING.has(t.lower)) || STEP_NOUNS.has(subject.at(-1)!.lower)) return sentence;
  // ("Two witnesses are required": people needed are found, not obtained.)
  const phrase = readPhrase(subject, 0).phrase;
  if (phrase && namesSomeone(phrase)) return sentence;
  Object.assign(need, { text: 'obtained', lower: 'obtained', lemma: 'obtain', pos: 'VERB' });
  return sentence;
}
