// A kind of thing a sentence is about: "Admitted patients are taken to the ward", "Approved claims are paid by the
// finance team", "Damaged parcels are returned to the sender". The describing word is what sends the thing this way
// (the way's condition); the step done on that way is done to one thing, so a modeller's label names the thing in
// the singular without the describing word: "Take patient to ward", "Pay claim", "Return parcel to sender".
import type { Phrase } from './phrase.ts';
import { isPlural } from './pronoun-number.ts';
import type { Reading } from './reading.ts';
import type { Token } from './tokens.ts';

// Plurals with no singular of their own meaning ("goods", "minutes" of a meeting).
const PLURAL_ONLY = new Set(['goods', 'customs', 'premises', 'earnings', 'minutes', 'proceeds', 'belongings', 'clothes', 'news', 'means', 'series', 'species', 'sales', 'savings', 'arrears', 'funds', 'details', 'records', 'accounts', 'papers', 'results', 'contents', 'thanks']);

/**
 * The label words for the thing a passive's plural subject names when a participle in -ed opens it ("approved
 * claims" → "claim"), or null when the object is anything else.
 */
export function kindWords(r: Reading, object: Phrase): string[] | null {
  if (!r.passive || !r.subject || object.head !== r.subject.head || !isPlural(object) || PLURAL_ONLY.has(object.head.lower)) return null;
  const [first, ...rest] = object.words;
  const one = object.head.lemma.toLowerCase();
  if (!first || !rest.length || !opensKind(first)) return null;
  return [...words(rest.slice(0, -1)), one];
}

const words = (ws: Token[]) => ws.map((w) => (w.pos === 'PROPN' ? w.text : w.lower));

/** "approved", "Damaged", "Undamaged" (capitalised at the sentence's start): a participle saying how a case went. */
function opensKind(w: Token): boolean {
  if (STATE_WORDS.has(w.lower) && (w.pos === 'ADJ' || (w.pos === 'PROPN' && !!w.first))) return true;
  return /ed$/.test(w.lower) && (['VERB', 'ADJ'].includes(w.pos) || (w.pos === 'PROPN' && !!w.first)) && !KIND_NAMES.has(w.lower);
}

// Describing words in -ed that name what a thing is rather than how its case went.
const KIND_NAMES = new Set(['used', 'registered', 'frozen', 'canned', 'packaged', 'printed', 'handwritten', 'detailed', 'required', 'needed', 'requested', 'selected', 'related', 'attached', 'enclosed', 'scheduled', 'planned', 'estimated', 'limited', 'qualified', 'skilled', 'licensed', 'insured', 'based', 'shared', 'mixed', 'fixed', 'dedicated', 'advanced', 'named', 'listed', 'numbered']);
// Describing words for the state a case is in: "Incomplete forms are sent back", "Overdue invoices are escalated".
const STATE_WORDS = new Set(['complete', 'incomplete', 'valid', 'invalid', 'faulty', 'defective', 'eligible', 'ineligible', 'late', 'overdue', 'unpaid', 'correct', 'incorrect', 'suspicious', 'fraudulent', 'urgent']);
