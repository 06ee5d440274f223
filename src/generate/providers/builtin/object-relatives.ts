// A relative clause whose subject stands after its pronoun: "The author submits a draft, which the editor reviews",
// "sends an invoice, which the accountant checks and pays", "returns the item, whose serial number the clerk records".
// The tagger reads the clause's verb as one more noun of its subject ("editor reviews", "clerk records"), so the step
// was lost. The verb is marked as a verb; "whose N" becomes the verb's object ("the clerk records the serial number"),
// and "which"/"whom" leave the object to the thing just named, as a pronoun would.
import { canBeVerb, type Sentence, type Token, THE } from './tokens.ts';
import { thirdPersonBase } from './verb-lemma.ts';

const PRONOUNS = new Set(['which', 'whom', 'whose']);
const SUBJECT_START = new Set(['the', 'a', 'an', 'our', 'their', 'his', 'her', 'its', 'your', 'my', 'each', 'every']);
const NAME = new Set(['NOUN', 'PROPN', 'ADJ']);
// What may follow the clause's verb: its end, another verb joined on, or a complement.
const AFTER_VERB = new Set(['PUNCT', 'CCONJ', 'ADV', 'ADP', 'PART']);

/** Whether `t` is a verb's "-s" form the tagger may have read as a noun ("reviews", "records", "approves"). */
function finite(t: Token | undefined): boolean {
  return !!t && (t.pos === 'VERB' || ((t.pos === 'NOUN' || t.pos === 'PROPN') && /^[a-z]+[^s]s$/.test(t.lower) && canBeVerb(thirdPersonBase(t.lower))));
}

function makeVerb(t: Token): void {
  if (t.pos === 'VERB') return;
  t.pos = 'VERB';
  t.lemma = thirdPersonBase(t.lower);
}

/** The sentence with each ", which/whom/whose … the X Vs" clause's verb marked, and "whose N" after it as its object. */
export function objectRelatives(sentence: Sentence): Sentence {
  const at = sentence.findIndex((t, i) => PRONOUNS.has(t.lower) && sentence[i - 1]?.text === ',');
  if (at < 0) return sentence;
  let subject = at + 1;
  // "whose serial number the clerk records": the thing possessed, up to the subject's determiner.
  const whose = sentence[at]!.lower === 'whose';
  while (whose && NAME.has(sentence[subject]?.pos ?? '') && !SUBJECT_START.has(sentence[subject]!.lower)) subject++;
  const possessed = sentence.slice(at + 1, subject);
  const named = (t: Token | undefined) => !!t && (SUBJECT_START.has(t.lower) || (['PROPN', 'NOUN'].includes(t.pos) && /^[A-Z]/.test(t.text)));
  if ((whose && !possessed.length) || !named(sentence[subject])) return sentence;
  // ("which Procurement compares": a name with no determiner is the subject alone.)
  const first = SUBJECT_START.has(sentence[subject]!.lower) ? subject + 2 : subject + 1;
  let verb = first;
  while (NAME.has(sentence[verb]?.pos ?? '') && !(finite(sentence[verb]) && AFTER_VERB.has(sentence[verb + 1]?.pos ?? 'PUNCT'))) verb++;
  // ("which the editor then reviews": an adverb may stand between.)
  if (sentence[verb]?.pos === 'ADV') verb++;
  const v = sentence[verb];
  if (verb < first || !finite(v) || !AFTER_VERB.has(sentence[verb + 1]?.pos ?? 'PUNCT')) return sentence;
  makeVerb(v!);
  // "… checks and pays": a second "-s" form joined on is a verb too.
  if (sentence[verb + 1]?.lower === 'and' && finite(sentence[verb + 2]) && AFTER_VERB.has(sentence[verb + 3]?.pos ?? 'PUNCT')) makeVerb(sentence[verb + 2]!);
  if (!whose) return sentence;
  // ("whose abstract the secretary publishes": the last word possessed is a noun, however it was tagged.)
  if (possessed.at(-1)!.pos === 'ADJ') possessed.at(-1)!.pos = 'NOUN';
  const end = sentence[verb + 1]?.lower === 'and' && sentence[verb + 2]?.pos === 'VERB' ? verb + 3 : verb + 1;
  return [...sentence.slice(0, at), ...sentence.slice(subject, end), THE, ...possessed, ...sentence.slice(end)];
}
