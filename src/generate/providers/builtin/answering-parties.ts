// "The nurse calls the patient and she confirms the date", "The clerk emails the parents. They reply with the form.":
// after a step that turns to someone, a personal pronoun whose verb answers means the one turned to, not the one who
// turned — when the pronoun fits them ("he"/"she" a person, never a department or a system).
import type { Actor } from './actors.ts';
import { ASKING_VERBS } from './lexicon.ts';
import type { Phrase } from './phrase.ts';
import { isPlural } from './pronoun-number.ts';

// Verbs of answering someone who turned to you.
const ANSWER_VERBS = new Set(['confirm', 'reply', 'answer', 'respond', 'accept', 'agree', 'decline', 'refuse', 'acknowledge', 'consent']);
// Turning to someone in writing: "writes to the student", "texts the driver".
const WRITING_VERBS = new Set(['write', 'text', 'message', 'ring', 'query']);

export class AnsweringParty {
  /** The one the last step turned to, if it turned to someone who can act. */
  private turnedTo: Phrase | null = null;

  /** Each step says whom it turned to: its object after a verb of asking or contacting, else whom it was sent to. */
  stepTurnsTo(verb: string, object: Phrase | null, recipient: Phrase | null): void {
    this.turnedTo = ((ASKING_VERBS.has(verb) || WRITING_VERBS.has(verb)) && object) || recipient;
  }

  /** Whom a subject pronoun answering with this verb means, or null when the rule does not say. */
  answerer(pronoun: string | null, verb: string, current: Actor | null, resolve: (p: Phrase) => Actor, couldBeAPerson: (a: Actor) => boolean): Actor | null {
    if (!this.turnedTo || !ANSWER_VERBS.has(verb) || !['he', 'she', 'they'].includes(pronoun ?? '')) return null;
    const one = pronoun !== 'they';
    // ("emails the drivers and he confirms": one person is none of several.)
    if (one && isPlural(this.turnedTo)) return null;
    const to = resolve(this.turnedTo);
    return to === current || (one && !couldBeAPerson(to)) ? null : to;
  }
}
