// "The clerk who receives the order checks the stock", "The teacher who organises the trip collects the forms": a
// subject named through a relative clause without commas. The tagger often reads the main verb as a noun ("order
// checks", "patient records"), so the main step was lost and the relative's step had no lane. The sentence is set off
// with commas ("The clerk, who receives the order, checks the stock"), the form the reader already understands: both
// steps in the subject's lane. A relative that only says who they are ("The engineer who is on call", "A manager who has
// signing authority", "Customers who want a refund") is no step: it is left out.
import { canBeVerb, type Sentence, COMMA } from './tokens.ts';
import { thirdPersonBase } from './verb-lemma.ts';
import { NON_ACTIVITY_VERBS } from './lexicon.ts';

const NAME = new Set(['DET', 'ADJ', 'NOUN', 'PROPN']);
const OBJECT_START = new Set(['DET', 'PRON']);

/** The sentence with an opening subject's restrictive relative clause set off by commas; the same sentence otherwise. */
export function relativeSubjectSetOff(sentence: Sentence): Sentence {
  const who = sentence.findIndex((t) => t.lower === 'who');
  if (who < 1 || !sentence.slice(0, who).every((t) => NAME.has(t.pos)) || !sentence.slice(0, who).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) return sentence;
  const plural = /[^s]s$/.test(sentence[who - 1]!.lower);
  const main = sentence.findIndex((t, j) => j > who + 2 && isMainVerb(sentence, j, plural));
  if (main < 0 || !sentence.slice(who + 1, main).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return sentence;
  if (sentence.slice(who + 1, main).some((t) => t.pos === 'PUNCT')) return sentence;
  const verb = sentence[main]!;
  if (verb.pos !== 'VERB') Object.assign(verb, { pos: 'VERB', lemma: plural ? verb.lower : thirdPersonBase(verb.lower) });
  // ("who admits the patient records …": the relative's object ends before the verb, a noun however it was tagged.)
  if (sentence[main - 1]!.pos === 'ADJ') sentence[main - 1]!.pos = 'NOUN';
  const relativeVerb = sentence.slice(who + 1, main).find((t) => t.pos === 'VERB' || t.pos === 'AUX')!;
  if (NON_ACTIVITY_VERBS.has(relativeVerb.lemma)) return [...sentence.slice(0, who), ...sentence.slice(main)];
  return [...sentence.slice(0, who), COMMA, ...sentence.slice(who, main), COMMA, ...sentence.slice(main)];
}

/** Whether sentence[j] is the verb of the subject before "who": a verb form right after the relative clause's object. */
function isMainVerb(sentence: Sentence, j: number, plural: boolean): boolean {
  const [t, prev, next] = [sentence[j]!, sentence[j - 1], sentence[j + 1]];
  if (!['NOUN', 'ADJ', 'PROPN'].includes(prev?.pos ?? '') || !/^[a-z]+$/.test(t.text)) return false;
  if (t.pos === 'VERB') return plural || /[^s]s$/.test(t.lower);
  const form = plural ? !/s$/.test(t.lower) : /[^s]s$/.test(t.lower);
  return t.pos === 'NOUN' && form && OBJECT_START.has(next?.pos ?? '') && canBeVerb(plural ? t.lower : thirdPersonBase(t.lower));
}
