// Verbs whose step is asking, offering or agreeing to do something: "The tenant asks to sublet", "The supplier offers
// to replace the part", "The employee applies to transfer". With no object, the to-infinitive is what the step is
// about, and a modeller's label keeps it ("Ask to sublet", "Offer to replace part"); the bare verb says nothing. Asking
// to do something makes a request, which is then the thing in hand: "The landlord has 10 days to object" objects to
// the request, "The manager decides" decides on it.
import type { Phrase } from './phrase.ts';
import type { Reading } from './reading.ts';
import type { Token } from './tokens.ts';

const TO_DO_VERBS = new Set(['ask', 'request', 'apply', 'petition', 'offer', 'volunteer', 'agree', 'refuse', 'decline', 'promise', 'propose', 'arrange', 'consent', 'opt', 'elect', 'demand']);
// The thing an asking step leaves in hand.
const MAKES: Record<string, string> = { ask: 'request', request: 'request', petition: 'request', demand: 'request', apply: 'application', propose: 'proposal', offer: 'offer' };

/** The verb and the token after its "to" ("asks to sublet" → sublet), or null when the verb takes no such step. */
export function infinitiveAfter(r: Reading, base: string): Token | null {
  if (!r.verb || r.object || r.prep || r.recipient || !TO_DO_VERBS.has(base)) return null;
  let at = r.rest.indexOf(r.verb) + 1;
  while (r.rest[at]?.pos === 'ADV') at++;
  const verb = r.rest[at + 1];
  return r.rest[at]?.lower === 'to' && verb?.pos === 'VERB' && !/(ed|ing)$/.test(verb.lower) ? verb : null;
}

/** "asks to sublet": the request it makes, the thing in hand afterwards; null for a verb that makes none. */
export function madeByAsking(base: string): Phrase | null {
  const noun = MAKES[base];
  if (!noun) return null;
  const head: Token = { text: noun, lower: noun, pos: 'NOUN', lemma: noun };
  return { words: [head], head, of: null };
}
