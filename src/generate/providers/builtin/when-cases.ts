// "When" before a state is a condition, not an event waited for. "When the file has problems, the clerk returns it.
// When the file is OK, the clerk stamps it.": "when" sentences in a row whose clauses each state how a thing stands
// (a state, a lack, a property, how an attempt went) are the cases of one choice, so each is read as "if". "The buyer
// contacts the supplier when the invoice is incomplete": a trailing "when" before a state guards the step before it.
// An "otherwise" in the sentence or opening the next one makes an opening "when" before a state a case too.
// ("When the order arrives, … When the payment arrives, …" stay waits; "files it when the review is complete" waits
// for the work to be done.)
import { FINISHED } from './condition-ends.ts';
import type { Sentence, Token } from './tokens.ts';

/** The "if" of a later case: it continues the choice the first case opened, whatever its clause is about. */
export const NEXT_CASE: Token = { text: 'If', lower: 'if', pos: 'SCONJ', lemma: 'if' };
/** A sentence that opens the other way of a case: "Otherwise …", "If not, …", "Else …". */
const OTHER_WAY = /^(otherwise|else|if not)\b/;
const CLAUSE_END = new Set([',', ';', '.', '!', ':']);
/** Verbs whose clause says how things stand or went: "the restart fails", "the change touches the database". */
const STATE_VERBS = new Set(['fail', 'succeed', 'work', 'pass', 'match', 'comply', 'exceed', 'apply', 'qualify', 'concern', 'involve', 'touch', 'affect', 'include', 'contain', 'require', 'need', 'lack', 'relate']);
/** Participles after "is" that state a case rather than report a step done: "changes are needed", "it is approved". */
const CASE_PARTICIPLES = /^(needed|required|missing|approved|rejected|accepted|declined|refused|denied|damaged|confirmed|cleared|flagged|granted|passed|failed|found|covered|delayed|expired|overdue)$/;

/** The sentence with a "when" before a state read as "if": an opening one beside another case, or a trailing one. */
export function whenCasesAsIf(sentence: Sentence, before: Sentence | undefined, after: Sentence | undefined): Sentence {
  // ("When a batch is defective, the inspector quarantines it; otherwise …": an "otherwise" answers a case, not a wait.)
  const otherwise = sentence.some((t) => t.lower === 'otherwise') || (!!after && OTHER_WAY.test(after.slice(0, 2).map((t) => t.lower).join(' ')));
  if (opensCase(sentence) && ((before && opensCase(before)) || (after && opensCase(after)) || otherwise)) return [before && opensCase(before) ? NEXT_CASE : { ...NEXT_CASE }, ...sentence.slice(1)];
  const at = sentence.findIndex((t, i) => i > 1 && t.lower === 'when' && ['NOUN', 'PRON', 'PROPN', 'ADV', 'ADP', 'VERB'].includes(sentence[i - 1]!.pos));
  const end = at > 0 ? clauseEnd(sentence, at + 1) : 0;
  // ("gets an alert when the value is high and reviews it": a step after the clause keeps the clause a time.)
  const state = at > 0 && sentence[end]?.text !== ',' && sentence[end]?.text !== ';' && !sentence.slice(at + 1, end).some((t) => t.pos === 'CCONJ') && statesCase(sentence.slice(at + 1, end), true);
  return state ? sentence.map((t, i) => (i === at ? { ...NEXT_CASE, text: 'if' } : t)) : sentence;
}

function clauseEnd(sentence: Sentence, from: number): number {
  let end = from;
  while (end < sentence.length && !CLAUSE_END.has(sentence[end]!.text)) end++;
  return end;
}

/** "When …, …" whose clause states a case. */
function opensCase(sentence: Sentence): boolean {
  if (sentence[0]?.lower !== 'when') return false;
  const end = clauseEnd(sentence, 1);
  return sentence[end]?.text === ',' && statesCase(sentence.slice(1, end), false);
}

/** A clause that is a state ("is OK", "has problems", "are needed") or an outcome ("fails"); `trailing` leaves out "is complete". */
function statesCase(clause: Token[], trailing: boolean): boolean {
  // ("When changes are needed": the tagger may read the subject as a verb.)
  // ("when the complaint concerns safety": the tagger may read a verb of state after its subject as a noun.)
  const v = clause.findIndex((t, i) => i > 0 && (t.pos === 'AUX' || t.pos === 'VERB' || (t.pos === 'NOUN' && clause[i - 1]!.pos === 'NOUN' && STATE_VERBS.has(t.lemma) && /s$/.test(t.lower))));
  if (v < 1) return false;
  if (clause[v]!.pos === 'NOUN') Object.assign(clause[v]!, { pos: 'VERB' });
  const verb = clause[v]!;
  const rest = clause.slice(v + 1).filter((t) => !['not', "n't", 'no'].includes(t.lower) && t.pos !== 'ADV');
  const next = rest[0];
  if (trailing && (!next || FINISHED.has(next.lower) || next.lower === 'available')) return false;
  if (STATE_VERBS.has(verb.lemma)) return true;
  if (verb.lemma === 'have') return !!next && next.pos !== 'VERB';
  if (verb.lemma !== 'be' || !next) return false;
  return next.pos === 'VERB' ? CASE_PARTICIPLES.test(next.lower) : true;
}
