// A branch that only tells the served party an adverse outcome ends there: "If the claim is not covered, the officer
// informs the customer. Otherwise the officer approves the payout. Finance pays the claim." — informing is how the
// refusal reaches the customer, so the payment must not follow it. Telling about a delay or a new date, or telling
// someone to do something, carries on.
import { SERVED_PARTIES } from './agents.ts';
import { pastParticiple } from './events.ts';
import { verbBase } from './labels.ts';
import { END_VERBS, TELL_VERBS } from './lexicon.ts';
import type { Phrase } from './phrase.ts';
import type { Reading } from './reading.ts';

/** Conditions that say the work cannot go on as asked: a failed check, a missing or wrong thing, a verdict against. */
const ADVERSE = /\b(not|no|never|cannot|invalid|incomplete|ineligible|unsuitable|insufficient|inadequate|incorrect|wrong|missing|duplicate|spam|fraudulent|withdrawn|cancell?ed|obsolete|out of scope|unpaid|uninsured|unjustified|unfounded|unacceptable|unqualified|expired|rejected|declined|refused|denied|fails?|failed|negative|too (high|low|late|old|young|risky|expensive))\b/;
/** What the telling is about when the work only waits: "informs the customer about the delay". */
const WAITING = /^(delay|date|wait|waiting|status|progress|time|schedule|backorder|back-order)s?$/;

/** Whether a branch's condition is adverse; the way "otherwise" of a condition that is not adverse is adverse too. */
export function adverseCondition(label: string, negated: boolean): boolean {
  return negated || ADVERSE.test(label.toLowerCase());
}

/** "informs the customer", "tells the patient to pay privately", "notifies the applicant": the served party is told. */
export function tellsServedParty(reading: Reading): boolean {
  if (!reading.verb || !TELL_VERBS.has(verbBase(reading.verb))) return false;
  const told = [reading.object, reading.recipient].find((p) => p && SERVED_PARTIES.has(p.head.lemma.toLowerCase()));
  const about = reading.prep?.phrase.head.lemma.toLowerCase() ?? '';
  // "tells the patient to pay privately": an instruction, so the served party acts and the work goes on.
  const after = reading.rest.slice(reading.rest.indexOf(reading.verb) + 1);
  const instructs = after.some((t, i) => t.lower === 'to' && after[i + 1]?.pos === 'VERB');
  return !!told && !WAITING.test(about) && !instructs;
}

/** "… informs the client and closes the file": closing or archiving after the telling is still the end of that way. */
export function closesCase(label: string): boolean {
  const verb = label.split(' ')[0]!.toLowerCase();
  return END_VERBS.has(verb) || verb === 'archive';
}

/**
 * "returns the parcel to the sender", "the item is sent back to the customer": the thing goes back to the party served,
 * for nothing to be mended ("… for correction" is rework), so the way ends there ("Parcel sent back"); null for any
 * other step.
 */
export function returnedToServedParty(reading: Reading, thing: Phrase | null): string | null {
  const base = reading.verb ? verbBase(reading.verb) : '';
  const back = base === 'return' || (reading.particle?.lower === 'back' && base !== 'call');
  if (!back || !reading.recipient || !SERVED_PARTIES.has(reading.recipient.head.lemma.toLowerCase()) || reading.prep?.word.lower === 'for') return null;
  const what = reading.passive ? reading.subject : thing;
  const name = what && what.head.pos !== 'PRON' ? `${what.head.lower} ` : '';
  const label = `${name}${base === 'return' ? 'returned' : `${pastParticiple(base)} back`}`;
  return label.charAt(0).toUpperCase() + label.slice(1);
}
