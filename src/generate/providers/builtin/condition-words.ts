// Conditions opened by other words than "if": "In the event that the part is damaged, …", "Assuming the candidate is
// suitable, …", "Provided (that) the student passes, …", "On condition that …", "Supposing …", the inverted "Were the
// risk too high, …" and "Had the customer paid, …", "Optionally, …", a trailing ", if any" ("deducts repair costs
// from the deposit, if any") and a need after a second verb ("and gives feedback when appropriate"). Each is rewritten
// as the "If …" the reader knows, so the step it governs gets a gateway with a way that skips it instead of running
// always.
import { OPTIONAL } from './if-synonyms.ts';
import { type Sentence, type Token, word } from './tokens.ts';

const IF = word('if', 'SCONJ');
/** Openers that mean "if", longest first; "in the event of" is the noun form, read as "in case of". */
const OPENERS: Array<[string[], Token[]]> = [
  [['in', 'the', 'event', 'that'], [IF]],
  [['in', 'the', 'event', 'of'], [word('in', 'ADP'), word('case', 'NOUN'), word('of', 'ADP')]],
  [['on', 'the', 'condition', 'that'], [IF]],
  [['on', 'condition', 'that'], [IF]],
  [['provided', 'that'], [IF]],
  [['providing', 'that'], [IF]],
  [['assuming', 'that'], [IF]],
  [['supposing', 'that'], [IF]],
  [['provided'], [IF]],
  [['providing'], [IF]],
  [['assuming'], [IF]],
  [['supposing'], [IF]],
];
/** Words a bare opener ("Assuming the …") must be followed by to open a clause, not name a thing ("provided to the …"). */
const CLAUSE_STARTS = new Set(['DET', 'PRON', 'NOUN', 'PROPN', 'ADJ', 'NUM']);
const CLAUSE_END = new Set([',', ';', '.', '!', ':']);

/** The sentence with its other words for "if" read as "if"; the same sentence when there are none. */
export function conditionWordsAsIf(sentence: Sentence): Sentence {
  return coordinatedNeed(needBeforeAnd(ifAny(inverted(openers(sentence)))));
}

/**
 * "The teacher grades the essay if necessary and returns it": a need after a step, before "and" and the next verb,
 * ends that step's clause (as a comma would), so it guards that step alone and the next one is done either way.
 */
function needBeforeAnd(sentence: Sentence): Sentence {
  const at = sentence.findIndex((t, i) => i > 1 && ['if', 'where', 'when', 'as'].includes(t.lower) && sentence[i - 1]!.pos !== 'PUNCT' && OPTIONAL.test(sentence[i + 1]?.lower ?? '') && ['and', 'but'].includes(sentence[i + 2]?.lower ?? '') && sentence[i + 3]?.pos === 'VERB');
  // (With a need at the end too — "… and adjusts the dose where needed" — coordinatedNeed sets both apart.)
  const last = sentence.findLast((t) => t.pos !== 'PUNCT');
  if (at < 0 || OPTIONAL.test(last?.lower ?? '')) return sentence;
  return [...sentence.slice(0, at + 2), word(',', 'PUNCT'), ...sentence.slice(at + 2)];
}

/**
 * "The teacher grades the essays and gives feedback when appropriate" → "… and, if appropriate, gives feedback": a
 * trailing need after a second verb makes that step alone conditional, as "and, if …," does.
 */
function coordinatedNeed(sentence: Sentence): Sentence {
  const end = sentence.at(-1)?.pos === 'PUNCT' ? sentence.length - 1 : sentence.length;
  const [lead, need] = [sentence[end - 2], sentence[end - 1]];
  if (!lead || !need || !['if', 'when', 'where', 'as', 'whenever'].includes(lead.lower) || !OPTIONAL.test(need.lower)) return sentence;
  const and = sentence.findLastIndex((t, i) => i < end - 2 && t.lower === 'and');
  if (and < 2 || sentence[and + 1]?.pos !== 'VERB' || sentence.slice(and + 1, end - 2).some((t) => CLAUSE_END.has(t.text))) return sentence;
  const comma = word(',', 'PUNCT');
  return [...sentence.slice(0, and + 1), comma, IF, need, comma, ...sentence.slice(and + 1, end - 2), ...sentence.slice(end)];
}

/** "In the event that …", "Assuming …", "Optionally, …" at the start of a clause → "If …" / "If needed, …". */
function openers(sentence: Sentence): Sentence {
  const out: Token[] = [];
  for (let i = 0; i < sentence.length; i++) {
    const startsClause = i === 0 || [',', ';', ':'].includes(sentence[i - 1]!.text) || sentence[i - 1]!.lower === 'and';
    const found = startsClause ? OPENERS.find(([words]) => words.every((w, k) => sentence[i + k]?.lower === w)) : undefined;
    const after = found ? sentence[i + found[0].length] : undefined;
    // ("Provided to the cashier" is a verb; "provided that" and "in the event of" always open a condition.)
    if (found && after && (found[0].length > 1 || CLAUSE_STARTS.has(after.pos))) {
      out.push(...found[1].map((t, k) => (k === 0 && i === 0 ? { ...t, text: capital(t.text) } : t)));
      i += found[0].length - 1;
      continue;
    }
    // "Optionally, the planner shares it with the client": the step is done when needed.
    // ("Optionally the customer adds gift wrapping": with no comma, the clause's subject follows at once.)
    const bare = ['DET', 'PRON', 'PROPN'].includes(sentence[i + 1]?.pos ?? '');
    if (startsClause && sentence[i]!.lower === 'optionally' && (sentence[i + 1]?.text === ',' || bare)) {
      out.push(i === 0 ? { ...IF, text: 'If' } : IF, word('needed', 'ADJ'), ...(bare ? [word(',', 'PUNCT')] : []));
      continue;
    }
    out.push(sentence[i]!);
  }
  return out.length === sentence.length && out.every((t, i) => t === sentence[i]) ? sentence : out;
}

/**
 * "Were the risk too high, the underwriter would refer it" → "If the risk were too high, …"; "Had the customer paid,
 * …" → "If the customer had paid, …". Only at the start of a sentence that goes on after a comma (no question).
 */
function inverted(sentence: Sentence): Sentence {
  const [aux] = sentence;
  if (!aux || !['were', 'had'].includes(aux.lower) || sentence.at(-1)?.text === '?') return sentence;
  const comma = sentence.findIndex((t) => t.text === ',');
  let end = 1;
  if (sentence[end]?.pos === 'DET' || sentence[end]?.pos === 'PRON') end++;
  while (['ADJ', 'NOUN', 'PROPN'].includes(sentence[end]?.pos ?? '') && sentence[end - 1]?.pos !== 'PRON') end++;
  // ("Were a candidate absent": the subject ends at its noun, the state after it is what "were" says.)
  while (end > 2 && sentence[end - 1]!.pos === 'ADJ') end--;
  if (end === 1 || comma <= end || sentence[1]?.lower === 'there') return sentence;
  const subject = sentence.slice(1, end).map((t, k) => (k === 0 && t.first && t.pos !== 'PROPN' ? { ...t, first: false } : t));
  return [{ ...IF, text: 'If', first: true }, ...subject, { ...aux, text: aux.lower, first: false }, ...sentence.slice(end)];
}

/**
 * "The landlord deducts repair costs from the deposit, if any." → "If there are any repair costs, the landlord deducts
 * …": the thing the clause acts on is the condition. Only for a sentence of one clause, whose object is plain.
 */
function ifAny(sentence: Sentence): Sentence {
  const at = sentence.findIndex((t, i) => t.lower === 'if' && sentence[i + 1]?.lower === 'any' && sentence[i - 1]?.text === ',');
  if (at < 0 || !CLAUSE_END.has(sentence[at + 2]?.text ?? '.')) return sentence;
  const main = sentence.slice(0, at - 1);
  if (main.some((t) => CLAUSE_END.has(t.text) || ['and', 'or', 'if', 'when', 'then'].includes(t.lower))) return sentence;
  const verb = main.findIndex((t) => t.pos === 'VERB');
  let from = verb + 1;
  while (['DET', 'PRON'].includes(main[from]?.pos ?? '')) from++;
  let end = from;
  while (['ADJ', 'NOUN', 'PROPN'].includes(main[end]?.pos ?? '')) end++;
  if (verb < 1 || end === from || main[end - 1]!.pos !== 'NOUN') return sentence;
  const plural = /[^s]s$/.test(main[end - 1]!.lower);
  const condition = [{ ...IF, text: 'If', first: true }, word('there', 'PRON'), word(plural ? 'are' : 'is', 'AUX', 'be'), word('any', 'DET'), ...main.slice(from, end), word(',', 'PUNCT')];
  return [...condition, ...main.map((t) => (t.first && t.pos !== 'PROPN' ? { ...t, first: false, text: t.lower } : t)), ...sentence.slice(at + 2)];
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
