// Who works on what a party gives away: "The customer submits the claim. The claim is checked for completeness." —
// an agentless passive about a thing handed in, or about the work of a party the process serves, is done by the side
// that receives it, never by the one who handed it in.
import { isExternalParty, type Actor } from './actors.ts';
import { SERVED_PARTIES } from './agents.ts';
import { singular } from './process-name.ts';

// Handing work in to be dealt with, whoever does it: "submits the form", "places an order", "uploads the thesis".
const HANDING_IN = new Set(['submit', 'resubmit', 'upload', 'hand', 'lodge', 'place']);
// Sending a thing off: from a served or outside party it comes to us ("delivers the goods", "sends the form"); from one
// of ours it may go anywhere ("sends the offers", "returns the change to its owner").
const SENDING = new Set(['send', 'resend', 'return', 'deliver', 'ship', 'mail', 'post', 'email', 'forward', 'transmit']);

// Passing a thing on to a party that works on it: "forwards the file to legal", "sends the sample to the lab".
const PASSING_ON = new Set(['send', 'forward', 'pass', 'hand', 'give', 'submit', 'transmit', 'deliver', 'refer', 'route']);

/** Whether this step passed its thing on to a receiver who then works on it (not a party served, who is told). */
export function passesOn(verb: string, receiver: Actor): boolean {
  return PASSING_ON.has(verb) && !isServedParty(receiver);
}

/** A party the process serves (a customer, an applicant, a patient): it hands work in, it does not process it. */
export function isServedParty(a: Actor): boolean {
  // ("Applicants who are not funded …": a plural the tagger took for a name keeps its -s in the head.)
  return SERVED_PARTIES.has(a.head) || SERVED_PARTIES.has(singular(a.head));
}

/** A party outside our side: one the process serves or another organisation, never the narrator's own lane. */
export function isOutsideParty(a: Actor, ours: (a: Actor) => boolean): boolean {
  return (isServedParty(a) || isExternalParty(a)) && !ours(a);
}

/** Whether acting on a thing with this verb gave it away to another side; `outside`: the giver is outside ours. */
export function givesAway(verb: string, outside: boolean): boolean {
  return HANDING_IN.has(verb) || (SENDING.has(verb) && outside);
}

/**
 * The side that receives the giver's work: the latest one who acted that is neither the giver nor outside ours;
 * failing that, for a giver outside ours, our own side (`ours`); null when nothing says.
 */
export function receivingSide(giver: Actor, latestFirst: Actor[], outside: (a: Actor) => boolean, ours: () => Actor): Actor | null {
  return latestFirst.find((a) => a !== giver && !outside(a)) ?? (outside(giver) ? ours() : null);
}

/**
 * "The lab tests the sample. The results are sent to the doctor.", "The pharmacist prepares the prescription. The
 * medicine is handed to the patient.": an agentless passive that passes a thing nobody was seen handling on to a named
 * receiver is done by whoever holds it — the party that acted just before, which made or had it — unless that party
 * is the receiver or one the process serves. ("The payment is then issued" names no receiver: nothing says who.)
 */
export function holderPassingOn(verb: string, receiver: Actor | null, last: Actor | null): Actor | null {
  if (!receiver || !last || last === receiver || isServedParty(last) || !(PASSING_ON.has(verb) || SENDING.has(verb))) return null;
  return last;
}
