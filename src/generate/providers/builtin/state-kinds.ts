// A thing named by the state a check finds opens its step as a condition: "Damaged parcels are photographed by the
// courier", "Incomplete applications go back to the applicant", "Urgent tickets are escalated". The state is what
// the check before decided, so the step is one way of that decision, with another way that skips it.
import { MASS_NOUNS, SIZE_KINDS } from './lexicon.ts';
import { type Sentence, IF, COMMA, THE, STOP } from './tokens.ts';


/** States a check finds in a thing, as words that stand before it. */
const FOUND_STATES = new Set([
  'damaged', 'defective', 'faulty', 'broken', 'incomplete', 'invalid', 'illegible', 'unreadable', 'unsigned', 'unpaid',
  'overdue', 'late', 'urgent', 'expired', 'suspicious', 'flagged', 'lost', 'spoiled', 'contaminated', 'incorrect',
  'erroneous', 'duplicate', 'critical', 'unclear', 'outdated', 'oversized', 'overweight', 'fraudulent', 'unclaimed',
  'undeliverable', 'unresolved', 'unanswered', 'ineligible', 'abnormal', 'non-compliant', 'noncompliant',
]);

/**
 * "Damaged parcels are photographed by the courier" → "If damaged, the parcels are photographed by the courier": a
 * plural thing (or stuff: "Damaged equipment is …") opened by a found state, with its verb next — a sentence, or the clause after a semicolon ("… triages
 * each ticket; urgent tickets are escalated …", which becomes two sentences). Not when nothing comes before it, nor
 * when the text opened with that state (then the whole process is about such things: "A customer reports a damaged
 * parcel. … Damaged parcels are photographed").
 */
export function stateKindAsIf(sentence: Sentence, at: number, text: Sentence[]): Sentence[] | null {
  const semicolon = sentence.findIndex((t) => t.text === ';');
  const clause = semicolon > 0 ? sentence.slice(semicolon + 1) : sentence;
  const opening = semicolon > 0 ? sentence.slice(0, semicolon) : [];
  const state = clause[0];
  if (!state || (at === 0 && semicolon < 0) || !FOUND_STATES.has(state.lower)) return null;
  let head = 1;
  while (head < 3 && clause[head + 1]?.pos === 'NOUN') head++;
  const noun = clause[head];
  const verb = clause[head + 1]?.pos === 'ADV' ? clause[head + 2] : clause[head + 1];
  // ("Damaged ones …" is read as a kind of the thing before, elsewhere.)
  if (!noun || noun.pos !== 'NOUN' || noun.lower === 'ones' || !(/[^s]s$/.test(noun.lower) || MASS_NOUNS.has(noun.lower)) || !['AUX', 'VERB'].includes(verb?.pos ?? '')) return null;
  if ([...opening, ...(text[0] ?? [])].some((t) => t.lower === state.lower)) return null;
  // "Damaged goods … . Undamaged goods …": two kinds set against each other are read as one contrast elsewhere.
  if (text.some((s) => s[0]?.lower === `un${state.lower}` || s[0]?.lower === `non-${state.lower}`)) return null;
  // "Minor claims are paid … Major claims require … Suspicious claims are passed …": a state told right after grades
  // of the same thing is one more way of their choice, read with them elsewhere.
  const before = text[at - 1];
  if (semicolon < 0 && before && before[1]?.lower === noun.lower && SIZE_KINDS.has(before[0]?.lower ?? '')) return null;
  const conditional = [IF, { ...state, text: state.lower, first: false }, COMMA, THE, ...clause.slice(1)];
  return semicolon > 0 ? [[...sentence.slice(0, semicolon), STOP], conditional] : [conditional];
}
