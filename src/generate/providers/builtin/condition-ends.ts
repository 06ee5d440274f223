// Where a condition written without a comma ends: "if healthy it goes home", "when complete it goes to billing", "if
// the part fits the fitter installs it", "if it is a question support answers it". The condition stops where a new
// subject and its finite verb begin; what follows is the main clause.
import type { Token } from './tokens.ts';

const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'they', 'it', 'this']);
/** Verbs whose object may itself be a clause ("if the clerk finds the papers are missing"): nothing ends there. */
const CLAUSE_TAKING = new Set([
  'find', 'see', 'notice', 'think', 'believe', 'confirm', 'determine', 'decide', 'know', 'feel', 'say', 'learn', 'realise',
  'realize', 'show', 'indicate', 'reveal', 'state', 'suspect', 'discover', 'judge', 'consider', 'agree', 'expect', 'assume',
  'report', 'claim', 'note', 'detect', 'verify', 'establish', 'conclude', 'mean', 'suggest', 'hear', 'tell',
]);
const COPULAS = new Set(['be', 'become', 'seem', 'remain', 'look', 'appear', 'stay']);
/** A finite verb a new subject can take: "installs", "is", "will", "must". */
const FINITE_AUX = new Set(['is', 'are', 'was', 'were', 'will', 'must', 'can', 'should', 'may', 'has', 'have', 'gets', 'needs']);

const isVerb = (t: Token | undefined) => t?.pos === 'VERB' || t?.pos === 'AUX';
const nominal = (t: Token | undefined) => ['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(t?.pos ?? '');

/**
 * Where the main clause starts inside a condition clause whose comma is missing; -1 when it does not. `opener` is the
 * index of "if"/"when", `verbAt` the condition's first verb.
 */
export function mainClauseAt(tokens: Token[], opener: number, verbAt: number): number {
  return afterState(tokens, opener, verbAt) ?? afterComplement(tokens, verbAt) ?? -1;
}

/**
 * "if healthy it goes home", "if urgent the nurse calls …", "once approved the clerk pays …": a verbless state after
 * the opener, then a subject and its verb.
 */
function afterState(tokens: Token[], opener: number, verbAt: number): number | null {
  let k = opener + 1;
  while (k < verbAt && (['ADJ', 'ADV', 'PART'].includes(tokens[k]!.pos) || (tokens[k]!.pos === 'VERB' && /ed$/.test(tokens[k]!.lower)))) k++;
  if (k === opener + 1 || k >= verbAt) return null;
  const t = tokens[k]!;
  if (t.pos === 'PRON') return SUBJECT_PRONOUNS.has(t.lower) && k === verbAt - 1 ? k : null;
  // ("If urgent delivery is needed": a bare noun after the state is what the state describes.)
  if (t.pos !== 'DET') return null;
  let j = k + 1;
  while (j < verbAt && nominal(tokens[j])) j++;
  return j === verbAt && j > k + 1 && !['ADJ', 'NUM'].includes(tokens[j - 1]!.pos) ? k : null;
}

/**
 * "if the part fits the fitter installs it", "if it is a question support answers it": after the condition's verb and
 * what it takes, a noun phrase with a finite verb of its own starts the main clause.
 */
function afterComplement(tokens: Token[], verbAt: number): number | null {
  const verb = tokens[verbAt]!;
  if (CLAUSE_TAKING.has(verb.lemma)) return null;
  const copula = COPULAS.has(verb.lemma);
  // The verb of the main clause: a third-person form ("installs") or a finite auxiliary ("is", "will").
  const finite = tokens.findIndex((t, j) => j > verbAt + 1 && ((t.pos === 'VERB' && /[^s]s$/.test(t.lower)) || (t.pos === 'AUX' && FINITE_AUX.has(t.lower))) && ['NOUN', 'PROPN'].includes(tokens[j - 1]!.pos));
  if (finite < 0 || tokens.slice(verbAt + 1, finite).some((t) => isVerb(t) || t.pos === 'ADP' || t.pos === 'PRON' || t.pos === 'PUNCT' || t.pos === 'CCONJ')) return null;
  let start = finite - 1;
  while (start > verbAt + 1 && nominal(tokens[start - 1])) start--;
  const det = tokens[start - 1]?.pos === 'DET';
  if (det) start--;
  // "is a question support answers": a copula keeps a complement, so the subject is the last noun alone.
  if (copula) return start === verbAt + 1 && finite - start > 2 ? finite - 1 : start > verbAt + 1 ? start : null;
  // "if the customer signs the contract the clerk files it": an object, then another phrase with its own determiner.
  return det ? start : null;
}

/** States that mark work as finished: "when complete" waits for it, it chooses nothing. */
export const FINISHED = new Set(['complete', 'completed', 'done', 'finished', 'ready', 'over']);

/**
 * "When suitable, …", "whenever unclear, …": "when" before a bare state is an "if" — the case holds or it does not.
 * ("when complete" is the wait for the work to be done.)
 */
export function stateWhen(head: Token[]): boolean {
  const [opener, ...state] = head;
  if (!['when', 'whenever'].includes(opener?.lower ?? '') || !state.length) return false;
  return state.every((t) => ['ADJ', 'ADV', 'PART'].includes(t.pos) || (t.pos === 'VERB' && /ed$/.test(t.lower))) && !state.some((t) => FINISHED.has(t.lower));
}

/**
 * "if ok ship it", "if approved pay the invoice", "if urgent call the doctor", "if possible reply within a day": notes
 * give a state, then the step as a bare imperative, which the tagger may take for a noun ("urgent call"). The index of
 * the imperative (tagged a verb from then on), or -1.
 */
export function imperativeAfterState(tokens: Token[], opener: number, canBeVerb: (word: string) => boolean): number {
  const state = (t: Token) => ['ADJ', 'ADV', 'INTJ'].includes(t.pos) || (t.pos === 'VERB' && /ed$/.test(t.lower));
  for (let k = opener + 2; k <= opener + 3 && k < tokens.length && state(tokens[k - 1]!); k++) {
    const verb = tokens[k];
    if (!verb || !['DET', 'PRON', 'ADP'].includes(tokens[k + 1]?.pos ?? '')) continue;
    const imperative = (verb.pos === 'VERB' && verb.lower === verb.lemma) || (['NOUN', 'ADJ'].includes(verb.pos) && !/s$/.test(verb.lower) && canBeVerb(verb.lower));
    if (!imperative) continue;
    Object.assign(verb, { pos: 'VERB', lemma: verb.lower });
    return k;
  }
  return -1;
}
