// "The analyst classifies each incident as low, medium or high": one decision with a branch per class, opened by the
// sentences that go on to say what happens to each ("Low incidents are closed …", "For high ones, …").
import { IRREGULAR_PLURALS } from './person-kinds.ts';
import { opposed } from './opposites.ts';
import type { Token } from './tokens.ts';

export interface Classification {
  /** The classes, as the text names them: "low", "medium", "high"; none yet when the text only says "depending on …". */
  values: string[];
  /** What is classified ("incident"): a later "if the incident is high" is about the same decision. */
  subject: string;
}

const CLASSIFYING = /^(classif|categori[sz]|grad|rat|rank|triag|prioriti[sz]|sort|mark|flag|tag|label|assess|score)/;

/** The classification a sentence makes, or null: "classifies X as A, B or C", "is sorted into A, B and C". */
export function readClassification(sentence: Token[]): Classification | null {
  const verb = sentence.findIndex((t) => t.pos === 'VERB' && CLASSIFYING.test(t.lower));
  if (verb < 0) return null;
  const as = sentence.findIndex((t, i) => i > verb && (t.lower === 'as' || t.lower === 'into'));
  if (as < 0) return null;
  const items: Token[][] = [[]];
  for (const t of sentence.slice(as + 1)) {
    // ("marks the ticket as resolved and closes it": a verb of its own starts the next step, not a class.)
    if (t.text === '.' || t.text === ';' || (t.pos === 'VERB' && /[^s]s$/.test(t.lower))) break;
    if (t.text === ',' || t.lower === 'or' || t.lower === 'and') {
      if (items.at(-1)!.length) items.push([]);
      continue;
    }
    if (t.pos !== 'DET') items.at(-1)!.push(t);
  }
  const named = items.filter((i) => i.length > 0);
  // Clauses come without their commas ("as low medium or high"): each word before the last "or/and" is a class, and
  // the last item's first word is one ("as minor, major or critical defects": the noun belongs to all of them).
  // Classes that are nouns themselves ("as a bug, a question or a feature request") keep the last one whole.
  if (named.length < 2) return null;
  const nouns = named.slice(0, -1).every((i) => i.every((t) => t.pos === 'NOUN'));
  const last = nouns ? named.at(-1)! : named.at(-1)!.slice(0, 1);
  const values = [...named.slice(0, -1).flat().map((t) => t.lower), last.map((t) => t.lower).join(' ')];
  if (values.length > 6) return null;
  const subject = sentence.slice(verb + 1, as).filter((t) => t.pos === 'NOUN').at(-1)?.lemma ?? 'it';
  return { values, subject };
}

/**
 * "Depending on the severity, there are three cases." / "Depending on the type of role, different steps follow.": a
 * decision whose cases the next sentences name ("For critical patients, …"); null when the sentence is no such lead.
 */
export function readOpenCases(sentence: Token[]): Classification | null {
  const words = sentence.filter((t) => t.pos !== 'PUNCT');
  if (words[0]?.lower !== 'depending' || words[1]?.lower !== 'on') return null;
  const comma = sentence.findIndex((t) => t.text === ',');
  const what = sentence.slice(2, comma < 0 ? undefined : comma).filter((t) => t.pos === 'NOUN');
  return { values: [], subject: what.at(-1)?.lemma ?? 'it' };
}

// "For all other roles, …", "For the remaining cases, …": the last case is whatever the others are not.
const TIME_UNIT = /^(minute|hour|day|week|month|year|while)s?$/;
const REST = /^(all )?(other|remaining|rest)\b/;

/**
 * The case a sentence opens after "depending on …": "For critical patients, …" → "critical patients"; "For all other
 * roles, …" → "otherwise". Null when it opens with no such "for …," phrase.
 */
export function caseOpened(sentence: Token[]): string | null {
  if (sentence[0]?.lower !== 'for') return null;
  // The clause may have lost its comma: the case ends where the subject starts ("For minor cases the nurse …").
  const end = sentence.findIndex((t, i) => i > 1 && (t.pos === 'PUNCT' || t.pos === 'DET' || t.pos === 'PRON' || t.pos === 'PROPN' || t.pos === 'VERB'));
  if (end < 2 || end > 5 || sentence[end]!.pos === 'VERB') return null;
  // "For two days …", "For an hour …" is a time, not a case.
  if (sentence.slice(1, end).some((t) => t.pos === 'NUM' || TIME_UNIT.test(t.lower))) return null;
  const words = sentence.slice(1, end).map((t) => t.lower).join(' ');
  return REST.test(words) ? 'otherwise' : words;
}

/**
 * The class a sentence opens with ("Low incidents are closed …", "For medium ones, …", "High-priority tickets …"),
 * within its first five words; null when it names none.
 */
export function classMentioned(sentence: Token[], classification: Classification): string | null {
  const opening = sentence.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'DET' && !['for', 'if', 'when', 'with'].includes(t.lower)).slice(0, 5);
  // "Questions are answered …" after "as a bug, a question or a feature request": the plural names the class too.
  // (The tagger reads a capitalised plural as a name, so its lemma is no help: the plural ending goes by hand.)
  const said = ` ${opening.map((t) => t.lower).join(' ')} ${opening.map((t) => singular(t.lower)).join(' ')} `;
  // (A class keeps its acronym's capitals, "EU citizen"; the sentence is matched in lower case.)
  return classification.values.find((v) => said.includes(` ${v.toLowerCase()} `) || said.includes(` ${v.toLowerCase()}-`)) ?? null;
}

/** "If it's a bug, …" after "classifies the ticket as a bug, a question or …": the condition is one of the classes. */
export function classNamed(condition: string, classification: Classification): string | null {
  return classification.values.find((v) => condition === v || condition.endsWith(` ${v}`)) ?? null;
}

function singular(word: string): string {
  if (word in IRREGULAR_PLURALS) return IRREGULAR_PLURALS[word]!;
  // ("breaches", "boxes": the "es" after a hissing sound goes too.)
  return word.replace(/ies$/, 'y').replace(/(ch|sh|x|ss)es$/, '$1').replace(/(ss|us|is)$/, '$1_').replace(/s$/, '').replace(/_$/, '');
}

/**
 * "Damaged goods are returned to the supplier. Undamaged goods are put on the shelf.": two sentences in a row about
 * the same things with opposite describing words are the two ways of one choice. Null when they are not.
 */
export function contrastedClasses(first: Token[], second: Token[] | undefined): Classification | null {
  const a = describedSubject(first);
  const b = second ? describedSubject(second) : null;
  if (!a || !b || singular(a.thing) !== singular(b.thing)) return null;
  const [x, y] = [a.how, b.how];
  const prefixed = (p: string, q: string) => /^(un|in|im|non-?|dis)/.test(q) && q.replace(/^(un|in|im|non-?|dis)/, '') === p;
  if (!prefixed(x, y) && !prefixed(y, x) && !opposed(x, y)) return null;
  return { values: [x, y], subject: singular(a.thing) };
}

/** "Damaged goods are …", "the approved requests go …": the describing word and the thing of a sentence's subject. */
function describedSubject(sentence: Token[]): { how: string; thing: string } | null {
  const words = sentence.filter((t) => t.pos !== 'PUNCT');
  const at = words[0]?.pos === 'DET' ? 1 : 0;
  const [how, thing, verb] = [words[at], words[at + 1], words[at + 2]];
  if (!how || !thing || !verb || thing.pos !== 'NOUN' || !['AUX', 'VERB'].includes(verb.pos)) return null;
  // A capitalised "Undamaged" opening the sentence is tagged a name.
  const describing = ['ADJ', 'VERB'].includes(how.pos) || (how.pos === 'PROPN' && /^(un|in|im|non|dis)|ed$/.test(how.lower));
  if (!describing) return null;
  return { how: how.lower, thing: thing.lower };
}
