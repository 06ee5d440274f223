// "Orders that exceed $500 need the manager's approval": a generic subject (a bare plural or "any/every/each …")
// narrowed by a relative clause is a condition, and the rest of the sentence is what happens on its branch.
import { namesSomeone, SERVED_PARTIES } from './agents.ts';
import { readPhrase } from './phrase.ts';
import { type Token, word } from './tokens.ts';

export interface RelativeCondition {
  /** The condition's words, without "that": "orders exceed $ 500". */
  said: Token[];
  /** The head noun's lemma ("order"), to tell a second condition about the same thing. */
  subject: string;
  /** The sentence with the relative clause taken out: "Orders need the approval of the manager". */
  main: Token[];
}

const QUANTIFIERS = new Set(['any', 'all', 'every', 'each']);
const RELATIVES = new Set(['that', 'which', 'who', 'whose']);
// Where the main clause's verb group starts once the relative clause has its verb and something after it.
const MAIN_OPENERS = new Set(['must', 'should', 'shall', 'will', 'can', 'may', 'are', 'is', 'have', 'has', 'need', 'needs', 'require', 'requires', 'get', 'go', 'goes', 'gets']);
// "need the approval of X" → "are approved by X": the noun of an action names the step.
export const ACTION_NOUNS: Record<string, [participle: string, lemma: string]> = {
  approval: ['approved', 'approve'], review: ['reviewed', 'review'], signature: ['signed', 'sign'], check: ['checked', 'check'],
  inspection: ['inspected', 'inspect'], authorisation: ['authorised', 'authorise'], authorization: ['authorized', 'authorize'],
  confirmation: ['confirmed', 'confirm'], verification: ['verified', 'verify'], assessment: ['assessed', 'assess'],
  'sign-off': ['signed', 'sign'], clearance: ['cleared', 'clear'], countersignature: ['countersigned', 'countersign'],
  validation: ['validated', 'validate'], acceptance: ['accepted', 'accept'], rejection: ['rejected', 'reject'],
  refusal: ['refused', 'refuse'], consent: ['approved', 'approve'], agreement: ['agreed', 'agree'], renewal: ['renewed', 'renew'],
  cancellation: ['cancelled', 'cancel'], withdrawal: ['withdrawn', 'withdraw'], adoption: ['adopted', 'adopt'],
};
const NEEDS = new Set(['need', 'needs', 'require', 'requires']);
// "must get the approval", "must also obtain legal clearance": a modal and a verb of getting ask for the same thing.
const MODALS = new Set(['must', 'should', 'shall']);
const GETTING = new Set(['get', 'obtain', 'have', 'receive']);

export function readRelativeCondition(sentence: Token[]): RelativeCondition | null {
  const words = sentence.filter((t) => t.pos !== 'PUNCT' || t.text === '$' || t.text === '€' || t.text === '£');
  const named = words.findIndex((t) => RELATIVES.has(t.lower));
  const contact = named < 0 ? contactRelative(words) : null;
  // The relative clause's words start after "that", or at once when English leaves the pronoun out.
  const rel = contact ? contact.at : named;
  const from = contact ? contact.at : rel + 1;
  if (rel < 1 || rel > 4) return null;
  const np = words.slice(0, rel);
  const generic = QUANTIFIERS.has(np[0]!.lower) || (np[0]!.pos !== 'DET' && /s$/.test(np.at(-1)!.lower));
  if (!generic || np.some((t) => t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'ADP')) return null;
  // ("Parents whose child is not admitted receive a letter": the condition is about the thing or person owned, "the
  // child is not admitted", and the main clause starts after its verb.)
  if (words[rel]!.lower === 'whose') return ownersCondition(words, np, rel);
  // ("who are not funded get …": the relative's verb group — auxiliaries, "not", adverbs — comes whole before its main clause.)
  let group = rel + 1;
  while (['AUX', 'PART', 'ADV'].includes(words[group]?.pos ?? '')) group++;
  let end = contact ? contact.verb + 1 : Math.max(rel + 3, words[group]?.pos === 'VERB' && group > rel + 1 ? group + 1 : 0);
  while (end < words.length && !(MAIN_OPENERS.has(words[end]!.lower) || words[end]!.pos === 'VERB')) end++;
  if (end >= words.length - 1 || !words[rel + 1] || !/^(VERB|AUX|DET|PRON)$/.test(words[rel + 1]!.pos) && words[rel + 1]!.pos !== 'NOUN') return null;
  if (contact) words[contact.verb]!.pos = 'VERB';
  // The sentence's capital is no name: "Orders" is tagged as one.
  const said = [...np.filter((t) => !QUANTIFIERS.has(t.lower)), ...words.slice(from, end)].map((t, i) => (i === 0 && t.pos === 'PROPN' ? { ...t, text: t.lower, pos: 'NOUN' } : t));
  const head = np.at(-1)!;
  return { said, subject: head.lemma.toLowerCase().replace(/s$/, ''), main: [...np, ...asStep(words.slice(end))] };
}

/** "Parents whose child is not admitted receive …", "Customers whose claim is rejected get …". */
function ownersCondition(words: Token[], np: Token[], rel: number): RelativeCondition | null {
  let k = rel + 1;
  while (['ADJ', 'NOUN', 'PROPN'].includes(words[k]?.pos ?? '')) k++;
  if (k === rel + 1 || words[k - 1]!.pos === 'ADJ') return null;
  const owned = words.slice(rel + 1, k);
  // Its verb group: "is not admitted", "has been rejected", "fails", "does not pass the check".
  let end = k;
  while (['AUX', 'PART', 'ADV'].includes(words[end]?.pos ?? '')) end++;
  if (words[end]?.pos !== 'VERB' && words[end]?.pos !== 'ADJ') return null;
  end++;
  // ("whose parcel arrives damaged get …": a state after the verb belongs to the condition.)
  while (end < words.length - 1 && (words[end]!.pos === 'ADJ' || words[end]!.pos === 'ADV' || /ed$/.test(words[end]!.lower)) && (words[end + 1]!.pos === 'VERB' || MAIN_OPENERS.has(words[end + 1]!.lower) || words[end + 1]!.pos === 'ADJ')) end++;
  // ("whose claim exceeds the limit": an object of the relative's own verb, up to the main clause's verb.)
  while (end < words.length && !(MAIN_OPENERS.has(words[end]!.lower) || words[end]!.pos === 'VERB')) end++;
  if (end >= words.length - 1) return null;
  const said = [word('the', 'DET'), ...owned, ...words.slice(k, end)];
  const head = np.at(-1)!;
  const subject = np.map((t, i) => (i === 0 && t.pos === 'PROPN' ? { ...t, text: t.lower, pos: 'NOUN' } : t));
  return { said, subject: owned.at(-1)!.lemma.toLowerCase().replace(/s$/, '') || head.lemma, main: [...subject, ...asStep(words.slice(end))] };
}

const CONTACT_SUBJECTS = new Set(['the', 'a', 'an', 'our', 'your', 'their', 'we', 'you', 'they']);

/**
 * "Orders the customer cancels …", "Requests we receive after noon …": a bare plural and, with no "that", a subject
 * and its verb — where the relative clause starts and its verb (which the tagger may take for a plural noun).
 */
function contactRelative(words: Token[]): { at: number; verb: number } | null {
  const at = words.findIndex((t, i) => i > 0 && CONTACT_SUBJECTS.has(t.lower));
  if (at < 1 || at > 3 || !words.slice(0, at).every((t) => ['NOUN', 'PROPN', 'ADJ'].includes(t.pos))) return null;
  let verb = at + (words[at]!.pos === 'PRON' ? 1 : 2);
  while (verb < at + 4 && ['NOUN', 'PROPN', 'ADJ'].includes(words[verb]?.pos ?? '') && !/[^s]s$/.test(words[verb]!.lower)) verb++;
  const v = words[verb];
  const finite = v && (v.pos === 'VERB' || (v.pos === 'NOUN' && /[^s]s$/.test(v.lower) && v.lemma !== v.lower));
  return finite && verb > at ? { at, verb } : null;
}


/**
 * "Amounts over 1,000 need the director" → "are approved by the director": a need for a party who works in the
 * process (not one it serves), named with "the", is that party's approval.
 */
function neededParty(main: Token[]): Token[] | null {
  const party = main.slice(1).filter((t) => t.pos !== 'PUNCT');
  // ("require a coordinator": someone to be found, not someone who signs.)
  if (party[0]?.lower !== 'the' || party.length > 4 || !party.slice(1).every((t) => ['ADJ', 'NOUN', 'PROPN'].includes(t.pos))) return null;
  const phrase = readPhrase(party, 0).phrase;
  if (!phrase || !namesSomeone(phrase) || SERVED_PARTIES.has(phrase.head.lemma.toLowerCase())) return null;
  const verb = Object.assign(main[0]!, { lower: 'approved', lemma: 'approve', pos: 'VERB' });
  return [word('are', 'AUX', 'be'), verb, word('by', 'ADP'), ...party, ...main.slice(1).filter((t) => t.pos === 'PUNCT')];
}

/**
 * "need the approval of the manager", "also require the CFO's sign-off", "must get legal clearance" → "are approved by
 * the manager", "are signed by the CFO", "are cleared"; anything else is left as it is.
 */
export function asStep(said: Token[]): Token[] {
  // "also need …", "must also get …": the adverb and the modal go with the need.
  let at = 0;
  if (MODALS.has(said[at]?.lower ?? '')) at++;
  while (said[at]?.pos === 'ADV') at++;
  const asked = NEEDS.has(said[at]?.lower ?? '') || (at > 0 && MODALS.has(said[0]!.lower) && GETTING.has(said[at]?.lower ?? ''));
  if (!asked) return said;
  const main = said.slice(at);
  // ("need the shift leader's approval": an owner of two words.)
  const noun = main.findIndex((t, i) => i > 0 && i < 6 && ACTION_NOUNS[t.lower]);
  if (noun < 0) return neededParty(main) ?? said;
  const by = main.slice(noun + 1);
  // "the manager's approval": the owner before the noun is the agent.
  const owner = main.slice(1, noun).filter((t) => t.pos !== 'DET' && !["'s", '’s'].includes(t.lower));
  const agent = by[0] && ['of', 'from', 'by'].includes(by[0].lower) ? by.slice(1) : owner;
  const [participle, lemma] = ACTION_NOUNS[main[noun]!.lower]!;
  // "need" itself is read as the action it asks for, so the step is traced to the text's own verb.
  const verb = Object.assign(main[0]!, { lower: participle, lemma, pos: 'VERB' });
  return [word('are', 'AUX', 'be'), verb, ...(agent.length ? [word('by', 'ADP'), ...agent] : [])];
}
