// Loops said with "repeat … until" or "until" alone: "Repeat until the numbers match", "repeat steps 2–3 until the
// totals agree", "corrects the entries until they balance". The flow goes back to the step repeated — the check,
// when the work repeated is a check and the mending of what it found — and leaves once the condition holds.
import { examines } from './nested-choice.ts';
import { IRREGULAR_PLURALS, isPersonKind } from './person-kinds.ts';
import { MENDING } from './rework-loops.ts';
import { canBeVerb, THE, word, type Token } from './tokens.ts';
import { namesSomeone } from './agents.ts';
import { readPhrase } from './phrase.ts';
import { thirdPersonBase } from './verb-lemma.ts';

/** "Repeat (steps 2 and 3 | the check | this) until …": what is repeated and the condition that ends it. */
export interface RepeatUntil {
  /** The numbered steps named ("steps 2 to 3"): the first one is where the loop returns. */
  step: number | null;
  /** The words after "until". */
  until: Token[];
  /** "This repeats until …": the sentence before is what repeats, from its first step. */
  pointsBack: boolean;
}

const OPENERS = new Set(['then', 'and', 'so', 'just', 'simply', 'please', ',']);
/** Verbs that say the work before is done again ("repeat until …"). */
export const REPEAT = new Set(['repeat', 'loop', 'iterate', 'redo']);

/** A sentence that only says to repeat until something holds; null for any other. */
export function readRepeatUntil(tokens: Token[]): RepeatUntil | null {
  let i = 0;
  while (i < tokens.length && OPENERS.has(tokens[i]!.lower)) i++;
  const until = tokens.findIndex((t) => t.lower === 'until');
  if (until < 0) return null;
  // (The tagger reads a sentence-opening "Repeat" as a name.)
  const imperative = REPEAT.has(tokens[i]?.lower ?? '');
  const between = imperative ? tokens.slice(i + 1, until) : repeatedSubject(tokens.slice(i, until));
  if (!between) return null;
  // ("steps 2-4" may come as one word.)
  const number = between.map((t) => /^(\d{1,2})(?:[-–]\d{1,2})?$/.exec(t.text)?.[1]).find(Boolean);
  // Only step numbers, "this", "these steps", "the process", "the check"… between: no second action.
  if (between.some((t) => t.pos === 'VERB' && t.lower !== 'steps')) return null;
  const rest = tokens.slice(until + 1).filter((t) => t.pos !== 'PUNCT' || t.text === '-');
  return rest.length ? { step: number ? Number(number) : null, until: rest, pointsBack: !imperative } : null;
}

// "This repeats until …", "these steps are repeated until …", "the cycle recurs until …": the work said before is
// what repeats. Only words that point back at it may stand as the subject.
const POINTING = new Set(['this', 'that', 'these', 'those', 'it', 'the', 'whole', 'same', 'process', 'procedure', 'cycle', 'loop', 'step', 'steps', 'check', 'to', 'and', '-', '–']);
const REPEATS = new Set(['repeats', 'repeat', 'repeated', 'recurs', 'loops', 'iterates', 'iterated']);

/** The subject words of "this is repeated until …" (the step numbers among them), or null for another sentence. */
function repeatedSubject(tokens: Token[]): Token[] | null {
  const verb = tokens.findIndex((t) => REPEATS.has(t.lower));
  // (Only "once more", "again" or nothing after the verb: "repeats the test until" names a second action.)
  const after = tokens.slice(verb + 1).filter((t) => t.pos !== 'PUNCT');
  if (verb < 1 || after.some((t) => !/^(again|once|more|as|needed|required)$/.test(t.lower))) return null;
  const subject = tokens.slice(0, verb).filter((t) => !(t.pos === 'AUX' && /^(is|are|gets|get|will|be)$/.test(t.lower)));
  return subject.length && subject.every((t) => POINTING.has(t.lower) || /^\d{1,2}([-–]\d{1,2})?$/.test(t.text)) ? subject : null;
}

/**
 * The step a loop without a named target goes back to: the last step, or the check just before it when the last
 * step mends what the check found ("compares the ledger … and corrects the entries until the numbers match"). When
 * the sentence saying "until" made several steps, they all repeat, from its first ("revises the draft and sends it
 * again until the editor accepts": back to the review the revising answers).
 */
export function repeatedStep<T extends { id: string; label: string }>(tasks: T[], sentenceFirst: string | null = null): T | undefined {
  const from = sentenceFirst ? tasks.findIndex((t) => t.id === sentenceFirst) : -1;
  const at = from >= 0 ? from : tasks.length - 1;
  const [first, before] = [tasks[at], tasks[at - 1]];
  const mends = !!first && MENDING.has(first.label.toLowerCase().split(' ')[0]!);
  return mends && before && examines(before.label) ? before : first;
}

/** Trying once more what failed: "retries the payment", "reattempts the transfer". */
export const RETRY_VERBS = new Set(['retry', 'reattempt', 're-attempt', 're-try']);

/**
 * "retries the payment", "repeats the test" with nothing of the kind drawn before: the first try is the step
 * ("Attempt payment", "Perform test"), and the "until" after it brings the loop. Null without a thing tried.
 */
export function firstAttempt(base: string, object: { head: Token; words: Token[] } | null): string | null {
  if (!object || object.head.pos !== 'NOUN') return null;
  const words = object.words.filter((w) => w.pos === 'NOUN' || w.pos === 'ADJ').map((w) => (w === object.head ? w.lemma : w.lower));
  return `${RETRY_VERBS.has(base) ? 'Attempt' : 'Perform'} ${words.join(' ')}`;
}

/**
 * "keeps calling the customer until someone answers", "pages the doctor until he responds": the one who may answer
 * is the person the repeated step turns to ("customer answers"), not "someone".
 */
export function namedAnswerer(until: Token[], repeated: string | undefined): Token[] {
  const person = repeated?.split(' ').at(-1)?.toLowerCase();
  const who = until[0]?.lower ?? '';
  if (!person || !(SINGULAR_SUBJECTS.has(who) || PLURAL_SUBJECTS.has(who)) || ['it', 'i', 'we', 'you'].includes(who)) return until;
  const singular = IRREGULAR_PLURALS[person] ?? thirdPersonBase(person);
  const phrase = readPhrase([THE, word(person, 'NOUN', singular)], 0).phrase;
  if (!isPersonKind(singular) && !(phrase && namesSomeone(phrase))) return until;
  return [{ text: person, lower: person, pos: 'NOUN', lemma: person }, ...until.slice(1)];
}

const SINGULAR_SUBJECTS = new Set(['someone', 'somebody', 'anyone', 'anybody', 'everyone', 'everybody', 'he', 'she', 'it', 'one']);
const PLURAL_SUBJECTS = new Set(['they', 'we', 'you', 'i']);

/**
 * "until the numbers match", "until the suite passes": the tagger reads the verb closing an "until" clause as the
 * last noun of its subject. The number agreement of the two last nouns tells: a plural before a bare form, or a
 * singular before an -s form, is a subject and its verb ("until the end date" stays a time).
 */
export function tagVerbAfterUntil(sentence: Token[]): void {
  const at = sentence.findIndex((t) => t.lower === 'until');
  if (at < 0) return;
  // "until someone answers", "until they pick up": after a pronoun subject, a word that can be a verb is its verb.
  const [who, next] = [sentence[at + 1], sentence[at + 2]];
  if (who && (SINGULAR_SUBJECTS.has(who.lower) || PLURAL_SUBJECTS.has(who.lower)) && next?.pos === 'NOUN' && /^[a-z]+$/.test(next.text)) {
    const base = SINGULAR_SUBJECTS.has(who.lower) && /[^s]s$/.test(next.lower) ? thirdPersonBase(next.lower) : PLURAL_SUBJECTS.has(who.lower) ? next.lower : null;
    if (base && canBeVerb(base)) {
      next.pos = 'VERB';
      next.lemma = base;
    }
    return;
  }
  if (sentence[at + 1]?.pos !== 'DET') return;
  let end = at + 2;
  while (sentence[end]?.pos === 'NOUN' || sentence[end]?.pos === 'ADJ') end++;
  if (end - (at + 2) < 2 || (sentence[end] && sentence[end]!.pos !== 'PUNCT')) return;
  const [noun, last] = [sentence[end - 2]!, sentence[end - 1]!];
  const plural = noun.lower !== noun.lemma.toLowerCase() && /s$/.test(noun.lower);
  const agrees = plural ? !/s$/.test(last.lower) : /[^s]s$|(ss|sh|ch|x)es$/.test(last.lower) && !/s$/.test(noun.lower);
  if (!agrees || noun.pos !== 'NOUN') return;
  last.pos = 'VERB';
  last.lemma = plural ? last.lower : thirdPersonBase(last.lower);
}
