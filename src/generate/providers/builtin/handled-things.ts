// Who last acted on each thing: "Applications are received by the registry. They are checked for completeness." — an
// agentless passive about a thing someone handled stays with that party; "The customer submits the claim. It is
// checked." — unless that party gave the thing away (see receiving-side.ts), to a receiver when one was named.
import type { Actor } from './actors.ts';
import type { Phrase } from './phrase.ts';

interface Handling {
  actor: Actor;
  gaveAway: boolean;
  receiver?: Actor;
}

export class HandledThings {
  private readonly by = new Map<string, Handling>();

  /** The party acting on a thing (the object, or a passive's subject), and whether it gave the thing away. */
  note(thing: Phrase | null, actor: Actor | null, gaveAway = false): void {
    if (thing && actor && thing.head.pos !== 'PRON') this.by.set(key(thing), { actor, gaveAway });
  }

  /** "returns the batches to the distribution centre": whom a thing given away went to. */
  noteReceiver(thing: Phrase | null, receiver: Actor): void {
    const handling = thing && this.by.get(key(thing));
    if (handling?.gaveAway) handling.receiver = receiver;
  }

  /** Who last acted on this thing, if anyone did: whether they gave it away, and to whom. */
  handling(thing: Phrase | null): Handling | null {
    return (thing && this.by.get(key(thing))) ?? null;
  }
}

// ("Samples" opening a sentence reads as a name, lemma and all: one key for both spellings.)
const key = (thing: Phrase) => thing.head.lemma.toLowerCase().replace(/s$/, '');
