// Conditions under another word than "if". "Unless the item is in stock, the shop orders it" is "If the item is not in
// stock, …": the condition under "unless" holds when its clause does not, so it is rewritten as an "if" with the clause
// negated ("is not", "does not pay"), or with its "not" taken away when it already had one. "When needed", "as
// required", "whenever necessary" make the step conditional, as "if needed" does — they announce no event; nor does
// "when a place is not available": nobody waits for a thing not to be, so "when" before a state denied is an "if".
import { type Sentence, type Token, word } from './tokens.ts';

const NOT = word('not', 'PART');
const CLAUSE_END = new Set([',', ';', '.', '!', ':']);

/** The sentence with each "unless …" clause read as "if not …"; the same sentence when there is none. */
export function unlessAsIf(written: Sentence): Sentence {
  // "records the result, except when the reading is normal": "except when / if / where" is an "unless".
  const sentence = written.flatMap((t, i) =>
    t.lower === 'except' && ['when', 'if', 'where'].includes(written[i + 1]?.lower ?? '') ? [word('unless', 'SCONJ')] : ['when', 'if', 'where'].includes(t.lower) && written[i - 1]?.lower === 'except' ? [] : [t],
  );
  const at = sentence.findIndex((t) => t.lower === 'unless');
  // "will not handle an issue unless they believe …" states a precondition of a step, not a choice with two ways.
  if (at < 0 || sentence.slice(0, at).some((t) => ['not', "n't", 'never', 'no'].includes(t.lower))) return written;
  let end = at + 1;
  while (end < sentence.length && !CLAUSE_END.has(sentence[end]!.text)) end++;
  const negated = negate(sentence.slice(at + 1, end));
  if (!negated) return written;
  const unless = sentence[at]!;
  const ifWord = { ...unless, text: unless.text[0] === 'U' ? 'If' : 'if', lower: 'if', pos: 'SCONJ', lemma: 'if' };
  return [...sentence.slice(0, at), ifWord, ...negated, ...sentence.slice(end)];
}

/** "the item is in stock" → "the item is not in stock"; "the client pays" → "the client does not pay"; null if no verb. */
function negate(clause: Token[]): Token[] | null {
  const not = clause.findIndex((t) => t.lower === 'not' || t.lower === "n't");
  // "unless the client does not object": two negations cancel ("if the client objects" reads as "does object").
  if (not > 0) return clause.filter((_, i) => i !== not);
  const v = clause.findIndex((t) => t.pos === 'AUX' || t.pos === 'VERB');
  if (v < 1) return null;
  const verb = clause[v]!;
  const had = verb.lemma === 'have' && !['VERB', 'AUX'].includes(clause[v + 1]?.pos ?? '');
  if (verb.pos === 'AUX' && !had) return [...clause.slice(0, v + 1), NOT, ...clause.slice(v + 1)];
  // A plain verb (or "has" as the verb): "does not" with its base form; "do" after a plural subject ("the items").
  const plural = !/s$/.test(verb.lower) || verb.lower === 'is';
  const does = word(plural ? 'do' : 'does', 'AUX', 'do');
  return [...clause.slice(0, v), does, NOT, { ...verb, text: verb.lemma, lower: verb.lemma, pos: 'VERB' }, ...clause.slice(v + 1)];
}

/** "needed", "necessary", "required": a word that makes the step it goes with optional. */
export const OPTIONAL = /^(needed|necessary|required|appropriate|applicable|requested|warranted)$/;

/** The sentence with "when needed", "as required", "whenever necessary" read as "if needed". */
export function whenNeededAsIf(sentence: Sentence): Sentence {
  return sentence.map((t, i) =>
    ['when', 'whenever', 'as'].includes(t.lower) && OPTIONAL.test(sentence[i + 1]?.lower ?? '') && (i === 0 || ['PUNCT', 'VERB', 'NOUN', 'PROPN', 'PRON', 'ADV'].includes(sentence[i - 1]!.pos))
      ? { ...t, text: i === 0 ? 'If' : 'if', lower: 'if', pos: 'SCONJ', lemma: 'if' }
      : t,
  );
}

/** "When a place is not available", "whenever the part isn't in stock", "when no seat is free": read as "if". */
export function whenNotAsIf(sentence: Sentence): Sentence {
  return sentence.map((t, i) => (['when', 'whenever'].includes(t.lower) && (i === 0 || sentence[i - 1]!.pos === 'PUNCT') && statesDenied(sentence, i + 1) ? { ...t, text: i === 0 ? 'If' : 'if', lower: 'if', pos: 'SCONJ', lemma: 'if' } : t));
}

/** The clause from `start` says a state does not hold: "is not …", "are no longer …", or opens "no …" ("no seat is free"). */
function statesDenied(sentence: Sentence, start: number): boolean {
  let end = start;
  while (end < sentence.length && !CLAUSE_END.has(sentence[end]!.text)) end++;
  const words = sentence.slice(start, end).map((t) => t.lower);
  const be = words.findIndex((w) => /^(is|are|was|were|isn't|aren't)$/.test(w));
  // ("When a patient comes to the practice with pain that is not an emergency": the state denied is a describing
  // clause's; the when-clause's own verb comes first, and the patient coming is awaited.)
  if (be < 1 || sentence.slice(start, start + be).some((t) => t.pos === 'VERB' || ['that', 'which', 'who', 'whose'].includes(t.lower))) return false;
  return words[0] === 'no' || /n't$/.test(words[be]!) || ['not', "n't", 'no'].includes(words[be + 1] ?? '');
}
