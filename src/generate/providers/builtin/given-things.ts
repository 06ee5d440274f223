// "The new hire gets a welcome pack", "the customer receives a confirmation email", "the parents receive an SMS from
// the school": a thing the organisation or its system gives out is the giver's step ("Hand over welcome pack",
// "Send confirmation email"), not a lone "Get email" task in the lane of the one who is given it.
import type { Actor } from './actors.ts';
import { GIVEN_OUT, GIVEN_TO } from './lexicon.ts';
import type { Phrase } from './phrase.ts';
import { singular } from './process-name.ts';

/** The giving verb for getting this thing, when a party is given it; undefined for anything else. */
export function givingVerb(base: string, thing: Phrase | null, receiver: Actor | null, served: (a: Actor) => boolean): string | undefined {
  if ((base !== 'get' && base !== 'receive') || !thing || !receiver || thing.head.pos === 'PRON') return undefined;
  if (!served(receiver) && !GIVEN_TO.has(receiver.head) && !GIVEN_TO.has(singular(receiver.head))) return undefined;
  return GIVEN_OUT[thing.head.lemma.toLowerCase()];
}

/**
 * Who gives it: the party the text names after "from", else the latest one who acted that is neither the one given
 * it nor a party served; null when nobody says.
 */
export function giverOf(receiver: Actor, from: Actor | null, latestFirst: Actor[], served: (a: Actor) => boolean): Actor | null {
  if (from && from !== receiver) return from;
  return latestFirst.find((a) => a !== receiver && !served(a)) ?? null;
}

/** "Get welcome pack" → "Hand over welcome pack": the label with the giving verb in the getting verb's place. */
export function givenLabel(label: string, verb: string): string {
  const rest = label.slice(label.indexOf(' ') + 1);
  return `${verb.charAt(0).toUpperCase()}${verb.slice(1)} ${rest}`;
}
