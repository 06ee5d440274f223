// "Only" before a condition says the step before it is done in that case alone: "The agent escalates the ticket, but
// only for premium customers", "sends a reminder only when the invoice is overdue", "Only if the client asks, the
// planner sends a copy". Each is rewritten as the trailing or opening "if" the reader already understands, so the
// decision comes before the step, with a way that skips it.
import { IRREGULAR_PLURALS } from './person-kinds.ts';
import { saysWhen } from './time-expressions.ts';
import { type Sentence, type Token, word } from './tokens.ts';
import { thirdPersonBase } from './verb-lemma.ts';

/** Words after "only" that open a condition ("only where the law requires it"). */
const CONDITIONS = new Set(['if', 'when', 'whenever', 'where', 'wherever']);
const CLAUSE_END = new Set([',', ';', '.', '!', ':']);

/** The sentence with a restrictive "only" read as "if"; the same sentence when there is none. */
export function onlyAsIf(sentence: Sentence): Sentence {
  const at = sentence.findIndex((t, i) => t.lower === 'only' && (CONDITIONS.has(sentence[i + 1]?.lower ?? '') || sentence[i + 1]?.lower === 'for'));
  const trailing = at < 0 ? (forOnly(sentence) ?? onlyKind(sentence)) : null;
  if (trailing) return trailing;
  if (at < 0) return sentence;
  const opener = sentence[at + 1]!;
  const ifWord = { ...opener, text: at === 0 ? 'If' : 'if', lower: 'if', pos: 'SCONJ', lemma: 'if' };
  // "Only if the client asks, …": the opening condition as it would be without "only".
  if (at === 0) return CONDITIONS.has(opener.lower) ? [ifWord, ...sentence.slice(2)] : sentence;
  // "…, but only if …": the condition goes with the step before it, as "… if …" does.
  let from = at;
  while (from > 1 && (sentence[from - 1]!.lower === 'but' || sentence[from - 1]!.text === ',')) from--;
  if (CONDITIONS.has(opener.lower)) return [...sentence.slice(0, from), ifWord, ...sentence.slice(at + 2)];
  const kind = kindCondition(sentence, at + 2);
  return kind ? [...sentence.slice(0, from), ifWord, ...kind.condition, ...sentence.slice(kind.end)] : sentence;
}

/** "… refunds the customer for unopened items only." → "… refunds the customer if it is an unopened item." */
function forOnly(sentence: Sentence): Sentence | null {
  const last = sentence.at(-1)?.pos === 'PUNCT' ? sentence.length - 2 : sentence.length - 1;
  if (sentence[last]?.lower !== 'only') return null;
  const at = sentence.findLastIndex((t, i) => i > 1 && i < last && t.lower === 'for');
  const kind = at > 0 ? kindCondition(sentence, at + 1) : null;
  return kind && kind.end === last ? [...sentence.slice(0, at), word('if', 'SCONJ'), ...kind.condition, ...sentence.slice(last + 1)] : null;
}

/**
 * "Only urgent tickets are escalated to the on-call engineer" → "If it is an urgent ticket, tickets are escalated …":
 * a kind of thing or party opening the sentence after "only" is the condition, the plain plural does the step.
 */
function onlyKind(sentence: Sentence): Sentence | null {
  const verb = sentence.findIndex((t) => t.pos === 'AUX' || t.pos === 'VERB');
  if (sentence[0]?.lower !== 'only' || verb < 3) return null;
  const kind = kindCondition([...sentence.slice(0, verb), word(',', 'PUNCT')], 1);
  const head = sentence[verb - 1]!;
  if (!kind) return null;
  return [word('If', 'SCONJ', 'if'), ...kind.condition, word(',', 'PUNCT'), { ...head, first: false }, ...sentence.slice(verb)];
}

/**
 * "premium customers", "unopened items" from `from` → "it is a premium customer", "it is an unopened item": a kind of
 * party or thing told by the words before its plural head. Null for anything else — an amount ("loans over 50,000
 * EUR", read elsewhere), a time ("for a week") or a bare plural ("for managers").
 */
export function kindCondition(sentence: Sentence, from: number): { condition: Token[]; end: number } | null {
  let end = from;
  while (end < sentence.length && !CLAUSE_END.has(sentence[end]!.text) && sentence[end]!.lower !== 'only') end++;
  const phrase = sentence.slice(from, end).filter((t) => !['the', 'all', 'any'].includes(t.lower));
  const head = phrase.at(-1);
  const describing = phrase.slice(0, -1);
  if (!head || head.pos !== 'NOUN' || !/[^s]s$|^\w+(men|people|children)$/.test(head.lower) || !describing.length || describing.length > 2) return null;
  if (!describing.every((t) => ['ADJ', 'NOUN', 'PROPN', 'VERB'].includes(t.pos) && !/\d/.test(t.text)) || saysWhen(sentence, from, end)) return null;
  const one = IRREGULAR_PLURALS[head.lower] ?? thirdPersonBase(head.lower);
  const described = describing.map((t) => ({ ...t, first: false }));
  // "it is a premium customer": the kind whole, so the condition reads as written ("premium customer").
  const article = word(/^[aeiou]/.test(described[0]!.lower) ? 'an' : 'a', 'DET');
  return { condition: [word('it', 'PRON'), word('is', 'AUX', 'be'), article, ...described, { ...head, text: one, lower: one, lemma: one }], end };
}
