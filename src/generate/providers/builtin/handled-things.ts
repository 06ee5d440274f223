// Who last acted on each thing: "Applications are received by the registry. They are checked for completeness." — an
// agentless passive about a thing someone already handled stays with that party.
import type { Actor } from './actors.ts';
import type { Phrase } from './phrase.ts';

export class HandledThings {
  private readonly by = new Map<string, Actor>();

  /** The party acting on a thing (the object, or a passive's subject). */
  note(thing: Phrase | null, actor: Actor | null): void {
    if (thing && actor && thing.head.pos !== 'PRON') this.by.set(key(thing), actor);
  }

  /** Who last acted on this thing, if anyone did. */
  handler(thing: Phrase | null): Actor | null {
    return (thing && this.by.get(key(thing))) ?? null;
  }
}

// ("Samples" opening a sentence reads as a name, lemma and all: one key for both spellings.)
const key = (thing: Phrase) => thing.head.lemma.toLowerCase().replace(/s$/, '');
