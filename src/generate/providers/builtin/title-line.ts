// A first line that names the process rather than doing a step of it: "Master thesis submission.", "Onboarding –
// new hires", "# Returns". A noun phrase with no verb of its own; with a full stop, it ends in a word that names an
// activity or a process.
import { namesSomeone } from './agents.ts';
import { INTRANSITIVE_VERBS } from './lexicon.ts';
import { IRREGULAR_PLURALS, isPersonKind } from './person-kinds.ts';
import { canBeVerb, readSentences, type Token } from './tokens.ts';
import { thirdPersonBase } from './verb-lemma.ts';

// Last words of a title: a nominalised activity ("submission", "onboarding", "approval") or a word for a process.
const NAMES_PROCESS = /(?:process|procedure|workflow|handling|runbook|checklist|policy)$/i;
const NAMES_ACTIVITY = /(?:ion|ment|ance|ence|al|ing|ure|ship|flow)s?$/i;

/** Whether the short first line, over more lines, is the diagram's title rather than its first step. */
export function isTitleLine(line: string, next: string): boolean {
  const stopped = /[.!]\s*$/.test(line);
  const words = line.replace(/[.!]\s*$/, '').trim().split(/\s+/);
  if (words.length > (stopped ? 6 : 8)) return false;
  // "Invoice approval process": a line that says it names a process does.
  if (NAMES_PROCESS.test(words.at(-1)!)) return true;
  // "Onboarding of new hires.": the head comes before "of".
  const of = words.findIndex((w) => w.toLowerCase() === 'of');
  const head = words[of > 0 ? of - 1 : words.length - 1]!;
  if (stopped && !NAMES_ACTIVITY.test(head)) return false;
  const [title] = readSentences(line);
  // "engineer installs the patches": a party and its verb make a note's step, not a heading.
  if (title && readsAsClause(title.filter((t) => t.pos !== 'PUNCT'))) return false;
  // "Onboarding of new hires": what comes after "of" may look like a verb.
  const ofAt = title?.findIndex((t) => t.lower === 'of') ?? -1;
  const verbs = (title ?? []).slice(0, ofAt > 0 ? ofAt : undefined).filter((t) => t.pos === 'VERB' || t.pos === 'AUX');
  if (stopped && (verbs.length > 1 || (verbs.length === 1 && verbs[0] !== title![0]))) return false;
  // "receive order" over "check stock": a note that starts with a verb, among notes that do too, is a step.
  const opensNext = readSentences(next)[0]?.find((t) => t.pos !== 'PUNCT');
  return !(title?.find((t) => t.pos !== 'PUNCT')?.pos === 'VERB' && opensNext?.pos === 'VERB');
}

/**
 * "Purchase requests. An employee requests …", "Course enrolment at our school. Students choose …": a short first sentence on the
 * same line as the text, a bare noun phrase (no article, pronoun, number or comma) before a sentence that opens with
 * its subject, names the process. "Clerk checks order." (a party and its verb) and "Invoice arrives." are steps.
 */
export function titleSentence(line: string): { title: string; rest: string } | null {
  const qualified = qualifiedProcessTitle(line);
  if (qualified) return qualified;
  // ("Leave requests at our office.": where it happens is no part of the name.)
  const m = /^\s*([A-Z][A-Za-z-]*(?: [A-Za-z-]+){0,3})((?: (?:at|in) (?:our|the|my) [A-Za-z-]+(?: [A-Za-z-]+){0,2})?)\.\s+(?=[A-Z])/.exec(line);
  if (!m) return null;
  const [title, next] = readSentences(line);
  const opens = next?.find((t) => t.pos !== 'PUNCT');
  if (!title || !opens || opens.pos === 'VERB') return null;
  const named = readSentences(`${m[1]!}.`)[0] ?? [];
  const words = (m[2] ? named : title).filter((t) => t.pos !== 'PUNCT');
  // ("Check stock at the warehouse." is a step: a verb opening it names the diagram only when the text says the words again.)
  const said = words.slice(0, 2).map((t) => t.lower.replace(/s$/, '')).join(' ');
  if (m[2] && words[0]?.pos === 'VERB' && !line.slice(m[0].length).toLowerCase().includes(said)) return null;
  if (words.some((t) => ['DET', 'PRON', 'NUM', 'AUX'].includes(t.pos) || ['and', 'or', 'to'].includes(t.lower))) return null;
  return readsAsClause(words) ? null : { title: m[1]!, rest: line.slice(m[0].length) };
}

/**
 * "Claim handling for car insurance.", "Returns process, online shop.", "Leave procedure for part-time staff.": a noun
 * phrase that calls itself a process, then what it is for or where, is a name however long; after a comma the
 * qualifier is no part of the name.
 */
const QUALIFIED_PROCESS = /^\s*([A-Z][A-Za-z-]*(?: [A-Za-z-]+){0,3} (?:process|procedure|workflow|handling))(,| for| of| at| in)((?: [A-Za-z-]+){1,4})\.\s+(?=[A-Z])/;

function qualifiedProcessTitle(line: string): { title: string; rest: string } | null {
  const m = QUALIFIED_PROCESS.exec(line);
  if (!m) return null;
  const head = (readSentences(`${m[1]!}.`)[0] ?? []).filter((t) => t.pos !== 'PUNCT');
  // ("The handling …", "Staff check the process for errors.": an article, a pronoun or a clause is no name.)
  if (head.some((t) => ['DET', 'PRON', 'NUM', 'AUX'].includes(t.pos) || ['and', 'or', 'to'].includes(t.lower)) || readsAsClause(head)) return null;
  return { title: m[2] === ',' ? m[1]! : `${m[1]!}${m[2]!}${m[3]!}`, rest: line.slice(m[0].length) };
}

/** "Clerk checks order", "Invoice arrives": a party and its verb, or a verb that takes no object, make a clause. */
export function readsAsClause(words: Token[]): boolean {
  return words.some((t, i) => i > 0 && /[^s]s$/.test(t.lower) && t.pos === 'VERB' && (INTRANSITIVE_VERBS.has(t.lemma) || namesSomeone({ words: [words[i - 1]!], head: words[i - 1]!, of: null }))) || peopleAct(words);
}

/**
 * "Residents park for free", "Customers log in", "Children pay half price": people in the plural and a verb in its
 * base form make a clause, however the tagger reads the verb after a capital; "Expense claims", "Staff meetings"
 * (a plural that is no verb) name the diagram.
 */
function peopleAct(words: Token[]): boolean {
  const [people, verb] = words;
  if (!people || !verb || !/^[a-z]+$/.test(verb.lower) || !canBeVerb(verb.lower)) return false;
  const singular = IRREGULAR_PLURALS[people.lower] ?? (/[^s]s$/.test(people.lower) ? thirdPersonBase(people.lower) : '');
  return !!singular && singular !== people.lower && (isPersonKind(singular) || namesSomeone({ words: [{ ...people, lower: singular, lemma: singular, pos: 'NOUN' }], head: { ...people, lower: singular, lemma: singular, pos: 'NOUN' }, of: null }));
}
