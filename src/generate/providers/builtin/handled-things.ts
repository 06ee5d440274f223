// Who last acted on each thing: "Applications are received by the registry. They are checked for completeness." — an
// agentless passive about a thing someone handled stays with that party; "The customer submits the claim. It is
// checked." — unless that party gave the thing away (see receiving-side.ts), to a receiver when one was named.
import type { Actor } from './actors.ts';
import type { Phrase } from './phrase.ts';

interface Handling {
  actor: Actor;
  gaveAway: boolean;
  receiver?: Actor;
  /** Passed on only in part ("Urgent samples are sent to the lab"): who had the rest before. */
  kindOnly?: { before: Handling | undefined };
}

export class HandledThings {
  private readonly by = new Map<string, Handling>();
  /** The party the last thing was passed on to ("takes it to the pharmacy"), for a step done "there" next. */
  lastReceiver: Actor | null = null;

  /** The party acting on a thing (the object, or a passive's subject), and whether it gave the thing away. */
  note(thing: Phrase | null, actor: Actor | null, gaveAway = false): void {
    if (thing && actor && thing.head.pos !== 'PRON') this.by.set(key(thing), { actor, gaveAway });
  }

  /** "returns the batches to the distribution centre": whom a thing given away went to. */
  noteReceiver(thing: Phrase | null, receiver: Actor): void {
    const handling = thing && this.by.get(key(thing));
    if (handling?.gaveAway) handling.receiver = receiver;
  }

  /**
   * "forwards the file to legal. It is reviewed there.", "sends the sample to the lab, where it is analysed": a thing
   * passed on to one of our parties is theirs to work on next, whoever had it before.
   */
  passOn(thing: Phrase | null, receiver: Actor): void {
    this.lastReceiver = receiver;
    if (!thing || thing.head.pos === 'PRON') return;
    const kind = thing.words.some((w) => w !== thing.head && w.pos === 'ADJ' && !/ed$/.test(w.lower));
    this.by.set(key(thing), { actor: receiver, gaveAway: false, ...(kind ? { kindOnly: { before: this.by.get(key(thing)) } } : {}) });
  }

  /**
   * Who last acted on this thing, if anyone did: whether they gave it away, and to whom. `all`: the text speaks of all
   * of them ("all samples are logged"), so a kind of them passed on ("urgent samples are sent to the lab") does not say.
   */
  handling(thing: Phrase | null, all = false): Handling | null {
    const handling = thing && this.by.get(key(thing));
    return (handling?.kindOnly && all ? handling.kindOnly.before : handling) ?? null;
  }
}

// ("Samples" opening a sentence reads as a name, lemma and all: one key for both spellings.)
const key = (thing: Phrase) => thing.head.lemma.toLowerCase().replace(/s$/, '');
