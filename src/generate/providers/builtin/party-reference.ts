// Who a personal pronoun or a first-person statement means: the receiver of a hand-over, the speaker's organisation.
import { isSystemName, type Actor } from './actors.ts';
import { DEPARTMENT_WORDS } from './actor-tags.ts';
import type { Phrase } from './phrase.ts';
import type { Reading } from './reading.ts';

const PERSONAL = new Set(['he', 'she', 'they']);
// "I run the bakery", "we operate a small repair shop": who the speaker is, not a step.
const OWNING_VERBS = new Set(['run', 'own', 'operate', 'manage', 'lead', 'head']);
// Words that say how big or old an organisation is, never part of its name.
const SIZE_WORDS = new Set(['small', 'little', 'large', 'big', 'local', 'family', 'new', 'busy', 'tiny', 'mid-sized', 'medium-sized']);

/**
 * "The assistant passes the file to the clerk. She checks the figures …": a personal pronoun opening the sentence
 * after a hand-over means whoever received the work — in a process, the receiver acts next.
 */
export class PartyReference {
  /** The receiver of the last step read. */
  private receiver: Actor | null = null;
  /** The receiver of the previous sentence's last step, until a pronoun has used it. */
  private handedOver: Actor | null = null;
  /** The last step gave something to people ("gives them a price"), named or not. */
  private givenToPeople = false;

  sentenceStarts(): void {
    this.handedOver = this.receiver;
    this.receiver = null;
  }

  /** Each planned step says whom it hands the work to (null for none). */
  stepHandsTo(receiver: Actor | null, toPeople = receiver !== null): void {
    this.receiver = receiver;
    this.givenToPeople = toPeople;
  }

  /** "gives them a price and if they are happy with it, …": "they" in a condition means those given to. */
  meansThoseGivenTo(pronoun: string | null): boolean {
    return this.givenToPeople && PERSONAL.has(pronoun ?? '');
  }

  /** The actor a subject pronoun means when a hand-over decides it; null to keep the current actor. */
  pronounActor(pronoun: string): Actor | null {
    const to = this.handedOver;
    this.handedOver = null;
    if (!to || !PERSONAL.has(pronoun)) return null;
    // "he"/"she" is a person: never a department, an acronym unit (HR, IT) or a system.
    if (pronoun !== 'they' && !couldBeAPerson(to)) return null;
    return to;
  }
}

/**
 * "The doctor reviews the chart. … he prescribes a medication. She then gives the first dose.": once "he" has meant the
 * doctor, "she" means the last other person who acted, not the doctor.
 */
export class PersonGenders {
  private readonly known = new Map<string, string>();
  // "The technician and the supervisor inspect the machine. He writes the report, she signs it.": two people named
  // together, whom a "he … she …" after them means in the order named.
  private together: Actor[] = [];

  /** Two or more parties just did one step side by side, in the order named; any other step forgets them. */
  noteTogether(actors: Actor[]): void {
    this.together = actors.length === 2 && actors.every((a) => couldBeAPerson(a) && !/s$/.test(a.name)) ? actors : [];
  }

  /** A step by this actor: the pair named together stays only while its members act. */
  noteActing(actor: Actor | null): void {
    if (!actor || !this.together.includes(actor)) this.together = [];
  }

  /** Who "he" or "she" means when the current actor was already called the other; null to keep the current actor. */
  other(pronoun: string | null, current: Actor | null, latestFirst: Actor[]): Actor | null {
    if ((pronoun !== 'he' && pronoun !== 'she') || !current) return null;
    const [first, second] = this.together;
    // (The first "he" or "she" after the pair means the first named, when neither was called so yet.)
    if (first && second && this.together.includes(current) && !this.known.has(first.id) && !this.known.has(second.id)) return first;
    const known = this.known.get(current.id);
    if (!known || known === pronoun) return null;
    // (One already called so first, then anyone not yet called either; never a group named in the plural.)
    const people = latestFirst.filter((a) => a !== current && couldBeAPerson(a) && !/s$/.test(a.name) && (this.known.get(a.id) ?? pronoun) === pronoun);
    return people.find((a) => this.known.get(a.id) === pronoun) ?? people[0] ?? null;
  }

  /** A personal pronoun meant this actor. */
  note(pronoun: string | null, actor: Actor | null): void {
    if (actor && (pronoun === 'he' || pronoun === 'she')) this.known.set(actor.id, pronoun);
  }
}

/** Whether "he" or "she" could mean this actor: never a department, an acronym unit (HR, IT) or a system. */
export function couldBeAPerson(a: Actor): boolean {
  return !isSystemName(a.name) && !DEPARTMENT_WORDS.has(a.head) && !/^[A-Z]{2,}$/.test(a.name) && !['department', 'team', 'unit', 'office', 'division', 'company'].includes(a.head);
}

/** "I run the bakery", "We run a small repair shop": the organisation the speaker stands for, or null. */
export function ownerStatement(r: Reading, canAct: (p: Phrase) => boolean): Phrase | null {
  if (!r.verb || r.passive || !r.object || (r.subjectPronoun !== 'i' && r.subjectPronoun !== 'we')) return null;
  if (!OWNING_VERBS.has(r.verb.lemma) || !canAct(r.object)) return null;
  const words = r.object.words.filter((w) => !SIZE_WORDS.has(w.lower));
  return words.length ? { ...r.object, words } : r.object;
}
